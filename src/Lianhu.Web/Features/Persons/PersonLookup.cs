using Lianhu.Domain.Access;
using Lianhu.Domain.People;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Persons;

/// <summary>What a typed search term was read as: it decides which section a match reveals.</summary>
public enum PersonMatch
{
    IdNumber,
    Phone,
    Name,
}

/// <summary>
/// Finds person records by what a caseworker types — a resident ID number, a phone number or a
/// name (pinyin, traditional or simplified, as the person index matches) — through the blind
/// indexes only: nothing is decrypted to search and no plaintext reaches SQL. The archive and
/// case search share it.
/// </summary>
public sealed class PersonLookup(LianhuDbContext db, PersonIndexer indexer, TimeProvider time)
{
    /// <summary>How <paramref name="term"/> is read: an ID number, else a phone number, else a name.</summary>
    public PersonMatch Classify(string term) =>
        ResidentIdNumber.TryParse(term, time, out _, out _) ? PersonMatch.IdNumber
        : term.Any(char.IsDigit) && PhoneNumber.TryParse(term, out _, out _) ? PersonMatch.Phone
        : PersonMatch.Name;

    /// <summary>The section a match of this kind reveals: an ID number or a name is identity, a phone is contact.</summary>
    public static CaseSection SectionOf(PersonMatch match) => match == PersonMatch.Phone ? CaseSection.Contact : CaseSection.Identity;

    /// <summary>Person records whose blind index matches the term.</summary>
    public IQueryable<Person> Matching(string term)
    {
        if (ResidentIdNumber.TryParse(term, time, out var idNumber, out _))
        {
            var index = indexer.IdNumber(idNumber);
            return db.Persons.AsNoTracking().Where(p => p.IdNumberIndex == index);
        }

        if (term.Any(char.IsDigit) && PhoneNumber.TryParse(term, out var phone, out _))
        {
            var index = indexer.Phone(phone);
            return db.Persons.AsNoTracking().Where(p => p.PhoneIndex == index);
        }

        var keys = indexer.NameKeys(term).ToList();
        return db.Persons.AsNoTracking().Where(p => p.NameKeyIndex != null && keys.Contains(p.NameKeyIndex));
    }

    /// <summary>
    /// The cases on which a matching person (or a record linked to them) is a party other than the
    /// reporter — a reporter's name finds nothing (ADVL Art 14 keeps the reporter apart).
    /// </summary>
    public IQueryable<Guid> CasesOf(string term)
    {
        var roots = Matching(term).Select(p => p.RootId).Distinct();
        return from party in db.CaseParties
               join person in db.Persons on party.PersonId equals person.Id
               where roots.Contains(person.RootId) && party.Role != Domain.Intake.PartyRole.Reporter
               select party.CaseId;
    }
}
