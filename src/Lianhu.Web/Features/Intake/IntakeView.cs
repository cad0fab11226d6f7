using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Domain.Intake;
using Lianhu.Domain.People;
using Lianhu.Web.Data;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Intake;

/// <summary>Builds the intake part of a case for one viewer: the lead unit sees a mandatory reporter, others only the kind of institution.</summary>
public static class IntakeView
{
    public sealed record PartyRow(CaseParty Party, Person Person);

    /// <param name="health">May the viewer read the health section? A party's disability is health data.</param>
    public static async Task<IntakeDto?> LoadAsync(LianhuDbContext db, Case c, CurrentUser viewer, bool health, CancellationToken ct)
    {
        var intake = await db.CaseIntakes.AsNoTracking().SingleOrDefaultAsync(i => i.CaseId == c.Id, ct);
        if (intake is null)
        {
            return null;
        }

        var parties = await PartiesAsync(db, c.Id, ct);
        var sizes = await ClusterSizesAsync(db, parties.Select(p => p.Person.RootId), ct);
        var reporterName = intake.ReportedByAgencyId is { } agency && IsLead(c, viewer)
            ? await db.Agencies.AsNoTracking().Where(a => a.Id == agency).Select(a => a.Name).SingleOrDefaultAsync(ct)
            : null;
        return Build(c, intake, parties, sizes, viewer, reporterName, health);
    }

    public static async Task<List<PartyRow>> PartiesAsync(LianhuDbContext db, Guid caseId, CancellationToken ct) =>
        await (from party in db.CaseParties.AsNoTracking()
               join person in db.Persons.AsNoTracking() on party.PersonId equals person.Id
               where party.CaseId == caseId
               orderby party.CreatedAt, party.Position
               select new PartyRow(party, person)).ToListAsync(ct);

    public static async Task<Dictionary<Guid, int>> ClusterSizesAsync(LianhuDbContext db, IEnumerable<Guid> roots, CancellationToken ct)
    {
        var list = roots.Distinct().ToList();
        return list.Count == 0
            ? []
            : await db.Persons.AsNoTracking().Where(p => list.Contains(p.RootId)).GroupBy(p => p.RootId)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    public static bool IsLead(Case c, CurrentUser viewer) => c.LeadAgencyId == viewer.AgencyId;

    public static IntakeDto Build(Case c, CaseIntake intake, IEnumerable<PartyRow> parties, IReadOnlyDictionary<Guid, int> clusterSizes, CurrentUser viewer, string? reporterAgencyName, bool health = true)
    {
        var lead = IsLead(c, viewer);
        var reporter = intake.ReporterInstitution is { } type
            ? new ReporterDto(StableName.Of(type), lead ? reporterAgencyName : null, Confidential: true)
            : null;
        return new IntakeDto(
            intake.OccurredAt,
            intake.Address,
            intake.Relationship is { } r ? StableName.Of(r) : null,
            [.. intake.ViolenceForms.Select(StableName.Of)],
            new Observation(intake.Injured, intake.InjuryDetails),
            new Observation(intake.WeaponUsed, intake.WeaponDetails),
            intake.ChildrenPresent,
            [.. intake.Needs.Select(StableName.Of)],
            intake.ConsentGiven,
            reporter,
            [.. parties.Select(p => ToDto(p, clusterSizes, intake.IsMandatoryReport, lead, health))]);
    }

    private static PartyDto ToDto(PartyRow row, IReadOnlyDictionary<Guid, int> sizes, bool mandatoryReport, bool lead, bool health)
    {
        var (party, person) = (row.Party, row.Person);
        var confidential = mandatoryReport && party.Role == PartyRole.Reporter;
        if (confidential && !lead)
        {
            return new PartyDto(party.Id, StableName.Of(party.Role), null, null, null, null, null, null, 0, Confidential: true);
        }

        var linked = Math.Max(0, sizes.GetValueOrDefault(person.RootId, 1) - 1);
        return new PartyDto(
            party.Id, StableName.Of(party.Role), person.Id, person.Name, person.IdNumber, person.Phone, person.BirthDate,
            person.Sex is { } s ? StableName.Of(s) : null, linked, confidential, health ? party.Disability : null);
    }
}
