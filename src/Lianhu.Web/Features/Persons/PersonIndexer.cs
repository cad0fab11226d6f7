using System.Globalization;
using System.Text;
using Lianhu.Domain.People;
using Lianhu.Web.Security;

namespace Lianhu.Web.Features.Persons;

/// <summary>
/// Computes the keyed hashes ("blind indexes") the person index matches on: exact values for ID
/// numbers, phones and birth dates, and the tone-less pinyin letters of a name for fuzzy
/// candidates. The hash key lives in the key ring, so the database alone reveals nothing.
/// </summary>
public sealed class PersonIndexer(FieldCipher cipher, PersonNameMatcher matcher)
{
    public const string IdNumberPurpose = "person.id-number";
    public const string PhonePurpose = "person.phone";
    public const string BirthDatePurpose = "person.birth-date";
    public const string NameKeyPurpose = "person.name-key";
    public const string AddressPurpose = "intake.address";

    public PersonIndexes IndexesFor(PersonDetails details) => new(
        details.IdNumber is { } id ? IdNumber(id) : null,
        details.Phone is { } phone ? Phone(phone) : null,
        details.BirthDate is { } date ? BirthDate(date) : null,
        NameKeys(details.Name) is [var first, ..] ? first : null);

    public string IdNumber(ResidentIdNumber id) => cipher.BlindIndex(id.Value, IdNumberPurpose);

    public string Phone(PhoneNumber phone) => cipher.BlindIndex(phone.E164, PhonePurpose);

    public string BirthDate(DateOnly date) => cipher.BlindIndex(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), BirthDatePurpose);

    /// <summary>Hashed blocking keys of a name: the first is stored, all are looked up (see <see cref="PersonNameMatcher.BlockingKeys"/>).</summary>
    public IReadOnlyList<string> NameKeys(string? name) =>
        string.IsNullOrWhiteSpace(name) ? [] : [.. matcher.BlockingKeys(name).Select(k => cipher.BlindIndex(k, NameKeyPurpose))];

    /// <summary>The household key of an address: full-width folded, spaces and punctuation removed, lower case.</summary>
    public string? Address(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var builder = new StringBuilder(address.Length);
        foreach (var c in address.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.Length == 0 ? null : cipher.BlindIndex(builder.ToString(), AddressPurpose);
    }
}
