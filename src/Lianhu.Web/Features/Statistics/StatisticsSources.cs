using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Domain.Legal;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Visits;

namespace Lianhu.Web.Features.Statistics;

/// <summary>
/// The sources an indicator counts over, and what each one's <c>status</c> and <c>kind</c> are.
/// Every row of every source belongs to one case (its division, lead and channel) and has an
/// acting agency, an instant that places it in a period, and for durations a start and an end.
/// </summary>
public static class StatisticsSources
{
    public const string Cases = "cases";
    public const string Tasks = "tasks";
    public const string Clocks = "clocks";
    public const string Breaches = "clock-breaches";
    public const string ProtectionOrders = "protection-orders";
    public const string WarningLetters = "warning-letters";
    public const string Visits = "visits";
    public const string Placements = "placements";
    public const string Conferences = "conferences";

    /// <summary>Breaches of protection orders (ADVL Art 34), by the court's answer (ADR 0035).</summary>
    public const string OrderBreaches = "order-breaches";

    /// <summary>One-key alarm alerts (ADR 0034): raised, acknowledged, closed, by outcome; due = the acknowledgement deadline.</summary>
    public const string Alarms = "alarms";

    public static readonly IReadOnlyList<string> Names = [Cases, Tasks, Clocks, Breaches, ProtectionOrders, WarningLetters, Visits, Placements, Conferences, OrderBreaches, Alarms];

    /// <summary>The kind of an order breach: the court's answer, with a fine and/or detention; pending until answered.</summary>
    public static string BreachKind(BreachResponse? response, int? fine, int? days) => response switch
    {
        null => "pending",
        BreachResponse.CriminalTransfer => "criminal-transfer",
        _ => (fine, days) switch
        {
            (null, null) => "admonition",
            (not null, null) => "admonition-fine",
            (null, not null) => "admonition-detention",
            _ => "admonition-fine-detention",
        },
    };

    public static readonly IReadOnlyList<string> Dimensions = ["division", "lead-agency", "agency", "agency-type", "channel", "risk-level", "kind", "status", "period"];

    public static readonly IReadOnlyList<string> RiskLevels = ["low", "medium", "high"];

    /// <summary>What <c>status</c> names for a source; null: any text (none fixed).</summary>
    public static IReadOnlyList<string> StatusesOf(string source) => source switch
    {
        Cases => All<CaseStatus>(),
        Tasks => All<CaseTaskStatus>(),
        Clocks => All<Domain.Clocks.ClockState>(),
        Breaches => ["breached"],
        ProtectionOrders => All<ProtectionOrderStatus>(),
        WarningLetters => ["issued"],
        Visits => All<VisitOutcome>(),
        Placements => ["open", "ended"],
        Conferences => All<ConferenceStatus>(),
        OrderBreaches => ["reported", "answered"],
        Alarms => All<Lianhu.Domain.Alarms.AlarmAlertState>(),
        _ => [],
    };

    /// <summary>What <c>kind</c> names for a source; null when it is a clock rule id (checked against the clock rules).</summary>
    public static IReadOnlyList<string>? KindsOf(string source) => source switch
    {
        Cases => All<Channel>(),
        Tasks => All<CaseTaskKind>(),
        Clocks or Breaches => null,
        ProtectionOrders => ["emergency", "ordinary"],
        WarningLetters => ["first", "repeat"],
        Visits => All<VisitMethod>(),
        Placements => All<PlacementKind>(),
        Conferences => All<ConferenceTrigger>(),
        OrderBreaches => ["pending", "criminal-transfer", "admonition", "admonition-fine", "admonition-detention", "admonition-fine-detention"],
        Alarms => ["open", .. All<Lianhu.Domain.Alarms.AlarmOutcome>()],
        _ => [],
    };

    private static IReadOnlyList<string> All<T>()
        where T : struct, Enum => StableName.All<T>();
}
