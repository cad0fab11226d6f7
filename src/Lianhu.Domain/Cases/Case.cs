using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;

namespace Lianhu.Domain.Cases;

/// <summary>
/// One domestic-violence case worked jointly by the member units. The agency that receives it is
/// the lead (首问负责制, first-in-charge) and stays accountable until another unit formally accepts it.
/// </summary>
public sealed class Case
{
    public const int SummaryMaxLength = 4000;

    private Case()
    {
        Number = string.Empty;
        Summary = string.Empty;
        DivisionCode = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>Human-readable case number staff quote on the phone, e.g. <c>20261122-3F9A2C</c>.</summary>
    public string Number { get; private set; }

    public Channel Channel { get; private set; }

    public string Summary { get; private set; }

    /// <summary>The community (or village) where it happened: the case's place in the tier scope.</summary>
    public string DivisionCode { get; private set; }

    /// <summary>The first-in-charge agency.</summary>
    public Guid LeadAgencyId { get; private set; }

    public CaseStatus Status { get; private set; }

    public Guid CreatedByUserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Optimistic concurrency: bumped on every change.</summary>
    public int Version { get; private set; }

    /// <summary>Whether a text has the shape of a case number (<c>yyyyMMdd-XXXXXX</c>, Asia/Shanghai date and the id's last six hex digits); case-insensitive.</summary>
    public static bool IsNumber(string? text) =>
        text is { Length: 15 } && text[8] == '-' && text[..8].All(char.IsAsciiDigit) && text[9..].All(char.IsAsciiHexDigit);

    public static Case Open(Guid id, Channel channel, string summary, DivisionCode division, Guid leadAgencyId, Guid createdBy, DateTimeOffset at)
    {
        if (division.Tier != Tier.Community)
        {
            throw new DomainRuleViolationException("case.division-tier", "A case is located in a community or village.");
        }

        var text = summary?.Trim() ?? string.Empty;
        if (text.Length is 0 or > SummaryMaxLength)
        {
            throw new DomainRuleViolationException("case.summary", "A case needs a summary.");
        }

        return new Case
        {
            Id = id,
            Number = $"{at.ToOffset(TimeSpan.FromHours(8)):yyyyMMdd}-{id.ToString("N")[^6..].ToUpperInvariant()}",
            Channel = channel,
            Summary = text,
            DivisionCode = division.Value,
            LeadAgencyId = leadAgencyId,
            Status = CaseStatus.Open,
            CreatedByUserId = createdBy,
            CreatedAt = at,
            UpdatedAt = at,
            Version = 1,
        };
    }

    /// <summary>
    /// First-in-charge moves only when the receiving agency has formally accepted; until then the
    /// current lead stays accountable (the transfer is a request task, see <c>CaseTask</c>).
    /// </summary>
    public void TransferLead(Guid toAgencyId, DateTimeOffset at)
    {
        if (Status == CaseStatus.Closed)
        {
            throw new DomainRuleViolationException("case.closed", "A closed case keeps its lead.");
        }

        if (toAgencyId == LeadAgencyId)
        {
            throw new DomainRuleViolationException("case.already-lead", "This agency already leads the case.");
        }

        LeadAgencyId = toAgencyId;
        Touch(at);
    }


    /// <summary>Why the case was closed (a short account; encrypted at rest).</summary>
    public string? ClosureSummary { get; private set; }

    /// <summary>The outcome category fed back to referring and task-holding agencies (null on closures recorded before it existed).</summary>
    public ClosureOutcome? ClosureOutcome { get; private set; }

    public Guid? ClosureRequestedBy { get; private set; }

    public DateTimeOffset? ClosureRequestedAt { get; private set; }

    /// <summary>How many distinct supervisors must approve the closure (two for high risk).</summary>
    public int ClosureApprovalsRequired { get; private set; }

    /// <summary>The approvals given so far for the pending (or last) closure.</summary>
    public IReadOnlyList<CaseClosureApproval> ClosureApprovals => closureApprovals;

    /// <summary>How often the case was reopened; the history stays with it.</summary>
    public int ReopenCount { get; private set; }

    private readonly List<CaseClosureApproval> closureApprovals = [];

    /// <summary>When the retention job removed the case's personal content (the case stays for statistics).</summary>
    public DateTimeOffset? AnonymisedAt { get; private set; }

    public const string AnonymisedText = "[已匿名化 / anonymised]";

    /// <summary>Removes the case's own free text after the retention period; only a closed case can be anonymised.</summary>
    public void Anonymise(DateTimeOffset at)
    {
        if (Status != CaseStatus.Closed)
        {
            throw new DomainRuleViolationException("case.not-closed", "Only a closed case can be anonymised.");
        }

        if (AnonymisedAt is not null)
        {
            throw new DomainRuleViolationException("case.already-anonymised", "The case is already anonymised.");
        }

        Summary = AnonymisedText;
        ClosureSummary = ClosureSummary is null ? null : AnonymisedText;
        AnonymisedAt = at;
        Touch(at);
    }

    public bool IsReadOnly => Status == CaseStatus.Closed;

    /// <summary>
    /// The lead asks to close: a closure summary, and how many approvals the supervising centre must
    /// give. Whether the work is done (tasks, final visit) is checked before this by the caller.
    /// </summary>
    public void RequestClosure(Guid by, string summary, int approvalsRequired, DateTimeOffset at, ClosureOutcome? outcome = null)
    {
        if (Status != CaseStatus.Open)
        {
            throw new DomainRuleViolationException(Status == CaseStatus.Closed ? "case.already-closed" : "case.closure-pending", "Only an open case can be put forward for closure.");
        }

        var text = summary?.Trim() ?? string.Empty;
        if (text.Length is 0 or > SummaryMaxLength)
        {
            throw new DomainRuleViolationException("case.closure-summary", "A closure needs a summary.");
        }

        if (approvalsRequired is < 1 or > 3)
        {
            throw new DomainRuleViolationException("case.closure-approvals", "A closure needs one to three approvals.");
        }

        Status = CaseStatus.ClosurePending;
        ClosureSummary = text;
        ClosureOutcome = outcome;
        ClosureRequestedBy = by;
        ClosureRequestedAt = at;
        ClosureApprovalsRequired = approvalsRequired;
        closureApprovals.Clear();
        Touch(at);
    }

    /// <summary>Whether a closure waits and this person may still approve it: not the requester, not already an approver.</summary>
    public bool AwaitsApprovalFrom(Guid by) => Status == CaseStatus.ClosurePending && IsApproverFree(by);

    private bool IsApproverFree(Guid by) => by != ClosureRequestedBy && closureApprovals.All(a => a.UserId != by);

    /// <summary>A supervisor approves; the case closes when enough distinct people (not the requester) have.</summary>
    public void ApproveClosure(Guid by, Guid agencyId, DateTimeOffset at)
    {
        if (Status != CaseStatus.ClosurePending)
        {
            throw new DomainRuleViolationException("case.no-closure-pending", "There is no closure waiting for approval.");
        }

        if (!IsApproverFree(by))
        {
            throw new DomainRuleViolationException("case.closure-same-approver", "The closure needs approval by someone else.");
        }

        closureApprovals.Add(new CaseClosureApproval(by, agencyId, at));
        if (closureApprovals.Count >= ClosureApprovalsRequired)
        {
            Status = CaseStatus.Closed;
            ClosedAt = at;
        }

        Touch(at);
    }

    /// <summary>A supervisor sends the closure back; the case is open again.</summary>
    public void RejectClosure(DateTimeOffset at)
    {
        if (Status != CaseStatus.ClosurePending)
        {
            throw new DomainRuleViolationException("case.no-closure-pending", "There is no closure waiting for approval.");
        }

        Status = CaseStatus.Open;
        closureApprovals.Clear();
        Touch(at);
    }

    /// <summary>A new incident or new facts: the case opens again with all its history.</summary>
    public void Reopen(DateTimeOffset at)
    {
        if (Status != CaseStatus.Closed)
        {
            throw new DomainRuleViolationException("case.not-closed", "Only a closed case can be reopened.");
        }

        Status = CaseStatus.Open;
        ClosedAt = null;
        ReopenCount++;
        Touch(at);
    }

    /// <summary>Refuses any change to a closed case (closed cases are read-only until reopened).</summary>
    public void EnsureWritable()
    {
        if (IsReadOnly)
        {
            throw new DomainRuleViolationException("case.closed-read-only", "The case is closed; reopen it to change it.");
        }
    }

    /// <summary>Corrects the summary (an edit: the version moves on).</summary>
    public void ChangeSummary(string summary, DateTimeOffset at)
    {
        EnsureWritable();
        var text = summary?.Trim() ?? string.Empty;
        if (text.Length is 0 or > SummaryMaxLength)
        {
            throw new DomainRuleViolationException("case.summary", "A case needs a summary.");
        }

        Summary = text;
        Touch(at);
    }

    /// <summary>Records that a part of the case held outside this aggregate (its intake) was edited.</summary>
    public void MarkEdited(DateTimeOffset at)
    {
        EnsureWritable();
        Touch(at);
    }

    private void Touch(DateTimeOffset at)
    {
        UpdatedAt = at;
        Version++;
    }
}
