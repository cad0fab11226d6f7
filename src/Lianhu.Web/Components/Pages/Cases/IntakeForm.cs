using System.Globalization;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Intake;
using Lianhu.Web.Features.Persons;

namespace Lianhu.Web.Components.Pages.Cases;

/// <summary>
/// The stepped intake form as posted (plain strings, so nothing a person typed is lost on a
/// round trip), and its translation into the API's request.
/// </summary>
public sealed class IntakeForm
{
    /// <summary>"add-party" when the post only asks for another party row.</summary>
    public string? Action { get; set; }

    /// <summary>Makes a double-clicked or re-sent form open one case, not two (an Idempotency-Key).</summary>
    public string? RequestKey { get; set; }

    public string? Channel { get; set; }

    public string? ReporterInstitution { get; set; }

    /// <summary>An institution's report: the victim's civil capacity (none, limited, full; empty = from the birth date).</summary>
    public string? VictimCapacity { get; set; }

    /// <summary>as-declared or as-observed.</summary>
    public string? CapacityBasis { get; set; }

    public bool VictimLivesOnOwnLabour { get; set; }

    public bool SealReporter { get; set; }

    public bool SuspectedTrafficking { get; set; }

    public string? DivisionCode { get; set; }

    /// <summary>datetime-local value (yyyy-MM-ddTHH:mm) in the city's time zone.</summary>
    public string? OccurredAt { get; set; }

    public string? Address { get; set; }

    public List<PartyRow>? Parties { get; set; }

    public string? Summary { get; set; }

    public string? Relationship { get; set; }

    public Dictionary<string, bool>? Violence { get; set; }

    public string? Injured { get; set; }

    public string? InjuryDetails { get; set; }

    public string? WeaponUsed { get; set; }

    public string? WeaponDetails { get; set; }

    public string? ChildrenPresent { get; set; }

    public Dictionary<string, bool>? Needs { get; set; }

    public string? ConsentGiven { get; set; }

    public sealed class PartyRow
    {
        public string? Role { get; set; }

        public string? Name { get; set; }

        public string? IdNumber { get; set; }

        public string? Phone { get; set; }

        public string? BirthDate { get; set; }

        public string? Sex { get; set; }

        /// <summary>A disability kind, or empty for none.</summary>
        public string? Disability { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(IdNumber) && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(BirthDate);
    }

    /// <summary>
    /// The API request; <c>Rows</c> maps each request party to its form row (blank rows are left
    /// out); <c>Errors</c> holds what the form itself could not read (field → error code).
    /// </summary>
    public (OpenCase.Request Request, IReadOnlyList<int> Rows, IReadOnlyDictionary<string, string> Errors) ToRequest(TimeZoneInfo zone)
    {
        var errors = new Dictionary<string, string>();
        DateTimeOffset? occurredAt = null;
        if (!string.IsNullOrWhiteSpace(OccurredAt))
        {
            if (DateTime.TryParse(OccurredAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                occurredAt = new DateTimeOffset(local, zone.GetUtcOffset(local));
            }
            else
            {
                errors["occurredAt"] = "date.format";
            }
        }

        var rows = new List<int>();
        var parties = new List<PartyInput?>();
        for (var i = 0; i < (Parties?.Count ?? 0); i++)
        {
            var row = Parties![i];
            if (!row.IsBlank)
            {
                rows.Add(i);
                parties.Add(new PartyInput(row.Role, row.Name, row.IdNumber, row.Phone, row.BirthDate, row.Sex, DisabilityKind: string.IsNullOrWhiteSpace(row.Disability) ? null : row.Disability));
            }
        }

        var request = new OpenCase.Request(
            Channel,
            Summary,
            DivisionCode,
            occurredAt,
            Address,
            parties,
            string.IsNullOrWhiteSpace(Relationship) ? null : Relationship,
            Checked(Violence),
            Observation(Injured, InjuryDetails),
            Observation(WeaponUsed, WeaponDetails),
            YesNo(ChildrenPresent),
            Checked(Needs),
            YesNo(ConsentGiven),
            string.IsNullOrWhiteSpace(ReporterInstitution) ? null : ReporterInstitution,
            string.IsNullOrWhiteSpace(VictimCapacity) ? null : VictimCapacity,
            string.IsNullOrWhiteSpace(CapacityBasis) ? null : CapacityBasis,
            VictimLivesOnOwnLabour ? true : null,
            SealReporter ? true : null,
            SuspectedTrafficking ? true : null);
        return (request, rows, errors);
    }

    private static List<string?> Checked(Dictionary<string, bool>? boxes) => [.. (boxes ?? []).Where(b => b.Value).Select(b => (string?)b.Key)];

    private static bool? YesNo(string? value) => value switch
    {
        "yes" => true,
        "no" => false,
        _ => null,
    };

    private static Observation? Observation(string? present, string? details) =>
        YesNo(present) is null && string.IsNullOrWhiteSpace(details) ? null : new Observation(YesNo(present) ?? true, string.IsNullOrWhiteSpace(details) ? null : details.Trim());
}
