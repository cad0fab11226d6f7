using Lianhu.Domain.Cases;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Common;
using Lianhu.Domain.Legal;
using Lianhu.Web.Features.Clocks;

namespace Lianhu.Web.Features.Legal;

/// <summary>A measure: the SPC code (1, 2, 3, 4, 5, 255), its stable name and, for 255, the words.</summary>
public sealed record MeasureDto(int Code, string Name, string? Text);

public sealed record ServiceDto(Guid Id, string Recipient, string Method, DateTimeOffset ServedAt, Guid? RecipientAgencyId);

public sealed record AmendmentDto(Guid Id, string Kind, DateTimeOffset At, DateOnly? PreviousValidUntil, DateOnly? NewValidUntil, string Reason);

/// <summary>A breach (ADVL Art 34) and the court's answer: criminal-transfer (with its basis) or admonition with an optional fine and detention.</summary>
public sealed record BreachDto(
    Guid Id, DateTimeOffset OccurredAt, DateTimeOffset ReportedAt, string? Response, int? FineYuan, int? DetentionDays, string? CriminalBasis, DateTimeOffset? DecidedAt);

public sealed record FollowUpDto(
    Guid Id, Guid CaseId, string Kind, string SubjectType, Guid SubjectId, Guid AssigneeAgencyId, string? AssigneeName, string Details, Guid? ClockId,
    string Status, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, string? Outcome);

/// <summary>A protection order with its measures, service records, amendments, clocks and follow-ups.</summary>
public sealed record ProtectionOrderDto(
    Guid Id,
    Guid CaseId,
    string CaseNumber,
    string Status,
    bool InForce,
    Guid CourtAgencyId,
    string? CourtName,
    Guid FiledByAgencyId,
    string? FiledByName,
    string ApplicantType,
    string ApplicantName,
    string? ApplicantRelation,
    string VictimName,
    string RespondentName,
    string? RespondentIdNumber,
    string? RespondentAddress,
    string? RespondentRelation,
    string Ground,
    string Facts,
    bool Emergency,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? RuledAt,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    string? RejectionReason,
    DateTimeOffset? RevokedAt,
    Guid? PoliceAgencyId,
    string? PoliceName,
    int ViolationCount,
    IReadOnlyList<MeasureDto> RequestedMeasures,
    IReadOnlyList<MeasureDto> OrderedMeasures,
    IReadOnlyList<ServiceDto> Services,
    IReadOnlyList<AmendmentDto> Amendments,
    IReadOnlyList<ClockDto> Clocks,
    IReadOnlyList<FollowUpDto> FollowUps,
    int Version)
{
    /// <summary>Why the victim cannot apply herself (proxy applications): no-capacity, limited-capacity, coercion, intimidation, old-age, disability, serious-illness.</summary>
    public string? InabilityReason { get; init; }

    /// <summary>The victim's wishes (SPC 2022 Art 2): wants, does-not-want.</summary>
    public string? VictimWishes { get; init; }

    /// <summary>The day the court received the application.</summary>
    public DateOnly ReceivedOn { get; init; }

    /// <summary>The articles the application rests on, composed (ADVL Arts 23, 27, 29; WRPL Art 29 for former and dating partners from 2023-01-01; SPC 2022 Arts 1, 2).</summary>
    public string Basis { get; init; } = string.Empty;

    public IReadOnlyList<BreachDto> Breaches { get; init; } = [];
}

public sealed record DeliveryDto(Guid Id, string Recipient, string Method, DateTimeOffset DeliveredAt);

/// <summary>A warning letter; <see cref="Repeat"/> is true when the same respondent had a letter before in the same household.</summary>
public sealed record WarningLetterDto(
    Guid Id,
    Guid CaseId,
    string CaseNumber,
    Guid IssuedByAgencyId,
    string? IssuedByName,
    DateTimeOffset IssuedAt,
    string RespondentName,
    string RespondentIdNumber,
    string? RespondentAddress,
    string VictimName,
    string Facts,
    string Prohibition,
    bool Repeat,
    int PriorLetters,
    IReadOnlyList<DeliveryDto> Deliveries,
    IReadOnlyList<string> Outstanding,
    IReadOnlyList<ClockDto> Clocks);

public sealed record PlacementDto(
    Guid Id, Guid CaseId, string Kind, string Location, Guid AgencyId, string? AgencyName, DateTimeOffset StartedAt, Guid? PreviousId, bool Active,
    DateTimeOffset? EndedAt, string? Outcome, string? OutcomeNote, DateTimeOffset? CivilAffairsFiledAt, string? CivilAffairsFiling, IReadOnlyList<ClockDto> Clocks);

public sealed record CaseFlagDto(string Code, int Count, string SourceType, Guid SourceId, DateTimeOffset RaisedAt);

/// <summary>Everything legal on a case for one screen. Placements belong to the contact section and are omitted without it.</summary>
public sealed record CaseLegalDto(
    Guid CaseId,
    bool CanWriteLegal,
    bool CanWriteContact,
    IReadOnlyList<CaseFlagDto> Flags,
    IReadOnlyList<ProtectionOrderDto> ProtectionOrders,
    IReadOnlyList<WarningLetterDto> WarningLetters,
    IReadOnlyList<PlacementDto>? Placements);

public static class LegalMapping
{
    public static DateTimeOffset Bj(DateTimeOffset instant) => ShanghaiTime.ToShanghai(instant);

    public static DateTimeOffset? Bj(DateTimeOffset? instant) => instant is { } i ? ShanghaiTime.ToShanghai(i) : null;

    public static MeasureDto ToDto(this MeasureItem m) => new((int)m.Code, StableName.Of(m.Code), m.Text);

    public static FollowUpDto ToDto(this LegalFollowUp f, IReadOnlyDictionary<Guid, string> names) => new(
        f.Id, f.CaseId, f.Kind, f.SubjectType, f.SubjectId, f.AssigneeAgencyId, names.GetValueOrDefault(f.AssigneeAgencyId), f.Details, f.ClockId,
        StableName.Of(f.Status), Bj(f.CreatedAt), Bj(f.ClosedAt), f.Outcome);

    public static ProtectionOrderDto ToDto(
        this ProtectionOrder o, Case c, IReadOnlyDictionary<Guid, string> names, IEnumerable<ClockDto> clocks, IEnumerable<FollowUpDto> followUps, DateTimeOffset now) => new(
        o.Id, o.CaseId, c.Number, StableName.Of(o.Status), o.IsInForceAt(now), o.CourtAgencyId, names.GetValueOrDefault(o.CourtAgencyId),
        o.FiledByAgencyId, names.GetValueOrDefault(o.FiledByAgencyId), StableName.Of(o.ApplicantType), o.ApplicantName, o.ApplicantRelation, o.VictimName,
        o.RespondentName, o.RespondentIdNumber, o.RespondentAddress, o.RespondentRelation, StableName.Of(o.Ground), o.Facts, o.Emergency,
        Bj(o.ReceivedAt), Bj(o.AcceptedAt), Bj(o.RuledAt), o.ValidFrom, o.ValidUntil, o.RejectionReason, Bj(o.RevokedAt),
        o.PoliceAgencyId, o.PoliceAgencyId is { } p ? names.GetValueOrDefault(p) : null, o.ViolationCount,
        [.. o.RequestedMeasures.OrderBy(m => m.Code).Select(m => m.ToDto())],
        [.. o.OrderedMeasures.OrderBy(m => m.Code).Select(m => m.ToDto())],
        [.. o.Services.OrderBy(s => s.ServedAt).Select(s => new ServiceDto(s.Id, StableName.Of(s.Recipient), StableName.Of(s.Method), Bj(s.ServedAt), s.RecipientAgencyId))],
        [.. o.Amendments.OrderBy(a => a.At).Select(a => new AmendmentDto(a.Id, StableName.Of(a.Kind), Bj(a.At), a.PreviousValidUntil, a.NewValidUntil, a.Reason))],
        [.. clocks], [.. followUps], o.Version)
        {
            InabilityReason = o.InabilityReason is { } why ? StableName.Of(why) : null,
            VictimWishes = o.VictimWishes is { } wishes ? StableName.Of(wishes) : null,
            ReceivedOn = o.ApplicationDay,
            Basis = ProtectionOrderEligibility.Cite(o.Basis),
            Breaches = [.. o.Breaches.OrderBy(b => b.Number).Select(b => new BreachDto(
            b.Id, Bj(b.OccurredAt), Bj(b.ReportedAt), b.Response is { } r ? StableName.Of(r) : null, b.FineYuan, b.DetentionDays, b.CriminalBasis, Bj(b.DecidedAt)))],
        };

    public static WarningLetterDto ToDto(this WarningLetter l, Case c, IReadOnlyDictionary<Guid, string> names, IEnumerable<ClockDto> clocks) => new(
        l.Id, l.CaseId, c.Number, l.IssuedByAgencyId, names.GetValueOrDefault(l.IssuedByAgencyId), Bj(l.IssuedAt), l.RespondentName, l.RespondentIdNumber,
        l.RespondentAddress, l.VictimName, l.Facts, l.Prohibition, l.IsRepeat, l.PriorLetters,
        [.. l.Deliveries.OrderBy(d => d.DeliveredAt).Select(d => new DeliveryDto(d.Id, StableName.Of(d.Recipient), StableName.Of(d.Method), Bj(d.DeliveredAt)))],
        [.. l.Outstanding().Select(r => StableName.Of(r))], [.. clocks]);

    public static PlacementDto ToDto(this ShelterStay s, IReadOnlyDictionary<Guid, string> names, IEnumerable<ClockDto> clocks) => new(
        s.Id, s.CaseId, StableName.Of(s.Kind), s.Location, s.AgencyId, names.GetValueOrDefault(s.AgencyId), Bj(s.StartedAt), s.PreviousId, s.IsActive,
        Bj(s.EndedAt), s.Outcome is { } o ? StableName.Of(o) : null, s.OutcomeNote, Bj(s.CivilAffairsFiledAt), s.CivilAffairsFiling, [.. clocks]);

    public static CaseFlagDto ToDto(this CaseFlag f) => new(f.Code, f.Count, f.SourceType, f.SourceId, Bj(f.RaisedAt));
}
