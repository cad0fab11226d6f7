namespace Lianhu.Web.Features.Archive;

/// <summary>A party of an archived case: role, and the name only for callers who may read the identity section.</summary>
public sealed record ArchiveParty(string Role, string? Name);

/// <summary>
/// One closed case of a household, as far as the caller may see it: the closure summary needs the
/// incident section, the level the risk section, names the identity section.
/// </summary>
/// <param name="Outcome">The closure outcome category (stable name), or null when none was recorded.</param>
/// <param name="CanReopen">Whether the caller may reopen it (the lead or the supervising centre).</param>
public sealed record ArchiveEntry(
    Guid CaseId,
    string Number,
    string Channel,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    string? LeadAgency,
    string? Level,
    string? Outcome,
    string? ClosureSummary,
    int ReopenCount,
    IReadOnlyList<ArchiveParty>? Parties,
    bool CanReopen);

/// <param name="Id">A case of the household the caller may see (the earliest closed one); any such case addresses the household.</param>
/// <param name="Closed">The closed cases the caller may see, newest closure first.</param>
/// <param name="ClosedElsewhere">Closed cases of the household held by units the caller may not see: a count only.</param>
/// <param name="OpenCases">Cases of the household the caller may see that are open now (including the case being reopened or a new intake).</param>
public sealed record HouseholdDto(Guid Id, IReadOnlyList<ArchiveEntry> Closed, int ClosedElsewhere, int OpenCases);

/// <summary>A household in the archive list: numbers and counts only.</summary>
public sealed record HouseholdSummary(Guid Id, IReadOnlyList<string> Numbers, DateTimeOffset? LastClosedAt, int Closed, int ClosedElsewhere, int OpenCases);
