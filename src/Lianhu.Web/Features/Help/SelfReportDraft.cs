namespace Lianhu.Web.Features.Help;

/// <summary>
/// What the public form adds beside the intake, handed from <see cref="SubmitSelfReport.Handler"/> to
/// <see cref="SelfReportOpened"/> within one request (scoped), so the receipt, the contact instructions
/// and the contact clock are saved with the case or not at all.
/// </summary>
public sealed class SelfReportDraft
{
    public sealed record Pending(string ReceiptCode, string SecretMac, string? Phone, bool MessageOnly, string? SafeTimes, string? Details);

    public Pending? Current { get; set; }

    /// <summary>The case the pending report was opened as (set by the listener).</summary>
    public Guid? OpenedCaseId { get; set; }
}
