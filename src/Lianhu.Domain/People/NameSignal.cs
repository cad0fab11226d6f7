namespace Lianhu.Domain.People;

/// <summary>The strongest way two names agree; <see cref="Weight"/> 0 means they do not.</summary>
internal readonly record struct NameSignal(string Code, decimal Weight, bool OrderSwapped = false)
{
    public static NameSignal None { get; } = new(NameMatchReasons.Different, 0m);

    public static NameSignal Missing { get; } = new(NameMatchReasons.Missing, 0m);

    public bool IsMatch => Weight > 0m;
}
