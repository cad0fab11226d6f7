namespace Lianhu.Web.Features.Notifications;

/// <summary>Settings under <c>Lianhu:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Lianhu:Webhooks";

    /// <summary>False switches the delivery scanner off on this node (tests run sweeps by hand).</summary>
    public bool Scanner { get; set; } = true;

    public double ScanSeconds { get; set; } = 10;

    public int BatchSize { get; set; } = 50;

    /// <summary>First retry delay; doubles on each failure up to <see cref="BackoffMaxSeconds"/>.</summary>
    public double BackoffSeconds { get; set; } = 30;

    public double BackoffMaxSeconds { get; set; } = 3600;

    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Host names a city allows as webhook targets even though they resolve to loopback, private or
    /// link-local addresses (an on-premises receiver); every other target must be public (ADR 0024).
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];
}
