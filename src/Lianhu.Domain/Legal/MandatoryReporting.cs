using Lianhu.Domain.Organisation;

namespace Lianhu.Domain.Legal;

/// <summary>What makes a report by an institution a duty.</summary>
public enum ReportConcern
{
    /// <summary>ADVL Art 14: the victim has no or limited civil capacity.</summary>
    VictimWithoutFullCapacity,

    /// <summary>The 2020 joint opinion on compulsory reporting of harm to minors: the victim is a minor.</summary>
    Minor,

    /// <summary>WRPL 2022 Art 22: a woman suspected of being trafficked or abducted.</summary>
    TraffickedWoman,
}

/// <summary>A report by an institution is either the statutory duty (mandatory) or a referral the institution may make.</summary>
public enum ReportKind
{
    /// <summary>A duty arises: reported to the police, the reporter's identity kept confidential (ADVL Art 14).</summary>
    Mandatory,

    /// <summary>A listed institution reports about a person with full capacity: accepted, no statutory duty; sealed only if the reporter asks.</summary>
    Referral,
}

/// <summary>One reporting duty as the policy states it (data, with its source in words).</summary>
public sealed record ReportingDuty(string Id, IReadOnlySet<AgencyType> Reporters, ReportConcern Concern, string SourceZh, string SourceEn);

/// <summary>The decision on an institution's report and the duties (with their sources) it rests on.</summary>
public sealed record ReportDecision(ReportKind Kind, bool ReporterSealed, IReadOnlyList<ReportingDuty> Duties);

/// <summary>
/// Whether an institution's report is a mandatory report or a referral.
/// <list type="bullet">
/// <item>ADVL Art 14: schools, kindergartens, medical institutions, residents'/villagers' committees,
/// social-work service agencies, relief management agencies and welfare institutions (and their
/// staff) who find in their work that a person <b>without or with limited civil capacity</b> suffers
/// or is suspected of suffering DV must report to the police; the police keep the reporter's identity
/// confidential.</item>
/// <item>WRPL 2022 Art 22: marriage registries, township governments, street offices and
/// residents'/villagers' committees report a woman suspected of being trafficked or abducted.</item>
/// <item>2020 joint opinion (高检发〔2020〕9号): sectors in close contact with minors report suspected
/// infringement of a minor immediately.</item>
/// </list>
/// A listed institution whose report meets none of the duties' concerns (an adult with full capacity)
/// makes a <see cref="ReportKind.Referral"/>: accepted, no duty, sealed only at the reporter's request.
/// A body listed in no duty (an employer, for example) is not under the duty at all.
/// </summary>
public static class MandatoryReporting
{
    /// <summary>Reporters a police officer may name who are under no reporting duty (to record them as a mandatory report is refused).</summary>
    public static readonly IReadOnlyList<string> UnlistedReporters = ["employer", "other"];

    /// <summary>
    /// Decides the report. <paramref name="reporter"/> null = a body under no duty. Problems name
    /// <c>reporterInstitution</c> (not under any duty) or <c>victimCapacity</c> (nothing decides it, and no other duty applies).
    /// </summary>
    public static ReportDecision? Decide(
        AgencyType? reporter, IReadOnlyList<ReportingDuty> duties, CivilCapacity? capacity, bool minor, bool suspectedTrafficking, bool sealAsked, List<LegalProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(duties);
        ArgumentNullException.ThrowIfNull(problems);
        if (reporter is not { } body || !duties.Any(d => d.Reporters.Contains(body)))
        {
            problems.Add(new("reporterInstitution", "report.not-under-duty"));
            return null;
        }

        var applicable = duties.Where(d => d.Reporters.Contains(body) && d.Concern switch
        {
            ReportConcern.VictimWithoutFullCapacity => capacity is CivilCapacity.None or CivilCapacity.Limited,
            ReportConcern.Minor => minor,
            ReportConcern.TraffickedWoman => suspectedTrafficking,
            _ => false,
        }).ToList();
        if (applicable.Count > 0)
        {
            return new(ReportKind.Mandatory, ReporterSealed: true, applicable);
        }

        if (capacity is null)
        {
            // Whether Art 14 applies turns on the capacity: it must be recorded (or derivable from the birth date).
            problems.Add(new("victimCapacity", "report.capacity-required"));
            return null;
        }

        return new(ReportKind.Referral, ReporterSealed: sealAsked, []);
    }
}
