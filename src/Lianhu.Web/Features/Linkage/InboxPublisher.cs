namespace Lianhu.Web.Features.Linkage;

/// <summary>Publishes inbox signals after the change that caused them has committed.</summary>
public class InboxPublisher
{
    public virtual Task PublishAsync(IReadOnlyList<InboxSignal> signals, CancellationToken ct) => Task.CompletedTask;
}
