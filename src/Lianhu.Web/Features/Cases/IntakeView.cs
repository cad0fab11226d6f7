using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Domain.Intake;
using Lianhu.Domain.People;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Intake;
using Lianhu.Web.Features.Persons;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Cases;

/// <summary>Builds the intake part of a case for one viewer: the lead unit sees a mandatory reporter, others only the kind of institution.</summary>
public static class IntakeView
{
    public sealed record PartyRow(CaseParty Party, Person Person);

    /// <param name="grants">What the viewer may read: each field group is shown only with its section (<see cref="Mask"/>).</param>
    public static async Task<IntakeDto?> LoadAsync(LianhuDbContext db, Case c, CurrentUser viewer, IReadOnlyDictionary<CaseSection, SectionAccess> grants, CancellationToken ct)
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
        return Mask(Build(c, intake, parties, sizes, viewer, reporterName), grants);
    }

    /// <summary>
    /// The intake as one viewer may see it, field group by field group: identity (names, ID numbers,
    /// birth dates, sex, linked records, the reporting unit), contact (address, phones), incident
    /// (time, relationship, forms of violence, weapons, needs, whether injured), health (injury
    /// details, disabilities), children (whether children were present). The one place these
    /// groups are drawn; every read path of intake content goes through it.
    /// </summary>
    public static IntakeDto Mask(IntakeDto dto, IReadOnlyDictionary<CaseSection, SectionAccess> grants)
    {
        ArgumentNullException.ThrowIfNull(dto);
        ArgumentNullException.ThrowIfNull(grants);
        bool Can(CaseSection s) => grants.GetValueOrDefault(s) >= SectionAccess.Read;
        var (identity, contact, incident, health, children) = (Can(CaseSection.Identity), Can(CaseSection.Contact), Can(CaseSection.Incident), Can(CaseSection.Health), Can(CaseSection.Children));
        return dto with
        {
            OccurredAt = incident ? dto.OccurredAt : null,
            Address = contact ? dto.Address : null,
            Relationship = incident ? dto.Relationship : null,
            ViolenceForms = incident ? dto.ViolenceForms : [],
            Injuries = incident ? dto.Injuries with { Details = health ? dto.Injuries.Details : null } : new Observation(null, null),
            Weapons = incident ? dto.Weapons : new Observation(null, null),
            ChildrenPresent = children || incident ? dto.ChildrenPresent : null,
            Needs = incident ? dto.Needs : [],
            ConsentGiven = incident ? dto.ConsentGiven : null,
            Reporter = identity ? dto.Reporter : dto.Reporter is null ? null : dto.Reporter with { AgencyName = null },
            VictimCapacity = health ? dto.VictimCapacity : null,
            CapacityBasis = health ? dto.CapacityBasis : null,
            Parties = [.. dto.Parties.Select(p => p with
            {
                PersonId = identity ? p.PersonId : null,
                Name = identity ? p.Name : null,
                IdNumber = identity ? p.IdNumber : null,
                BirthDate = identity ? p.BirthDate : null,
                Sex = identity ? p.Sex : null,
                LinkedRecords = identity ? p.LinkedRecords : 0,
                Phone = contact ? p.Phone : null,
                Disability = health ? p.Disability : null,
            })],
        };
    }

    /// <summary>The sections whose intake content <see cref="Mask"/> lets through, for the audit trace of a read.</summary>
    public static IEnumerable<CaseSection> Shown(IReadOnlyDictionary<CaseSection, SectionAccess> grants) =>
        new[] { CaseSection.Identity, CaseSection.Contact, CaseSection.Incident, CaseSection.Health, CaseSection.Children }.Where(s => grants.GetValueOrDefault(s) >= SectionAccess.Read);

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

    /// <summary>The whole intake; pass it through <see cref="Mask"/> before it leaves for anyone but the unit that just recorded it.</summary>
    public static IntakeDto Build(Case c, CaseIntake intake, IEnumerable<PartyRow> parties, IReadOnlyDictionary<Guid, int> clusterSizes, CurrentUser viewer, string? reporterAgencyName)
    {
        var lead = IsLead(c, viewer);
        var reporter = intake.ReporterInstitution is { } type
            ? new ReporterDto(
                StableName.Of(type),
                lead || !intake.ReporterConfidential ? reporterAgencyName : null,
                intake.ReporterConfidential,
                intake.ReportKind is { } kind ? StableName.Of(kind) : "mandatory",
                intake.ReportDuties is { } duties ? duties.Split(',') : [])
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
            [.. parties.Select(p => ToDto(p, clusterSizes, intake.ReporterConfidential, lead))])
        {
            VictimCapacity = intake.VictimCapacity,
            CapacityBasis = intake.CapacityBasis,
        };
    }

    private static PartyDto ToDto(PartyRow row, IReadOnlyDictionary<Guid, int> sizes, bool mandatoryReport, bool lead)
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
            person.Sex is { } s ? StableName.Of(s) : null, linked, confidential, party.Disability);
    }
}
