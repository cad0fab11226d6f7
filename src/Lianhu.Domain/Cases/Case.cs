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

    public void Close(DateTimeOffset at)
    {
        if (Status == CaseStatus.Closed)
        {
            throw new DomainRuleViolationException("case.already-closed", "The case is already closed.");
        }

        Status = CaseStatus.Closed;
        ClosedAt = at;
        Touch(at);
    }

    public void Reopen(DateTimeOffset at)
    {
        if (Status != CaseStatus.Closed)
        {
            throw new DomainRuleViolationException("case.not-closed", "Only a closed case can be reopened.");
        }

        Status = CaseStatus.Open;
        ClosedAt = null;
        Touch(at);
    }

    private void Touch(DateTimeOffset at)
    {
        UpdatedAt = at;
        Version++;
    }
}
