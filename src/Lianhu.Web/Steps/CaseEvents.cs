namespace Lianhu.Web.Steps;

/// <summary>
/// Something that happened on a case, raised by the step that did it, for the features that act
/// next (routing and visit plans after an assessment, clocks after an intake, the family archive
/// after a closure). The raising feature names the event; it never names its listeners.
/// </summary>
public interface ICaseEvent
{
    Guid CaseId { get; }
}

/// <summary>
/// What a feature does when <typeparamref name="TEvent"/> happens, registered in its module
/// (<c>services.AddScoped&lt;ICaseListener&lt;X&gt;, Y&gt;()</c>). Two moments:
/// <see cref="OnAsync"/> runs inside the raising step's unit of work, before its save — what it adds
/// (tasks, clocks, outbox rows, timeline entries) is saved with the step or not at all;
/// <see cref="SavedAsync"/> runs once the step is saved — pushes, and work that reads what the step
/// saved and saves its own (routing reads the new assessment).
/// </summary>
public interface ICaseListener<in TEvent>
    where TEvent : ICaseEvent
{
    Task OnAsync(TEvent happened, CancellationToken ct) => Task.CompletedTask;

    Task SavedAsync(TEvent happened, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>Hands an event to every listener registered for it, in registration order (scoped: a listener keeps its state between the two moments).</summary>
public sealed class CaseEvents(IServiceProvider services)
{
    /// <summary>Before the step saves.</summary>
    public async Task RaiseAsync<TEvent>(TEvent happened, CancellationToken ct)
        where TEvent : ICaseEvent
    {
        foreach (var listener in services.GetServices<ICaseListener<TEvent>>())
        {
            await listener.OnAsync(happened, ct);
        }
    }

    /// <summary>After the step saved.</summary>
    public async Task SavedAsync<TEvent>(TEvent happened, CancellationToken ct)
        where TEvent : ICaseEvent
    {
        foreach (var listener in services.GetServices<ICaseListener<TEvent>>())
        {
            await listener.SavedAsync(happened, ct);
        }
    }
}
