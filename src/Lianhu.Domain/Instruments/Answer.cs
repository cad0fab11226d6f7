namespace Lianhu.Domain.Instruments;

/// <summary>An answer to one yes/no item. <see cref="Unknown"/> is "don't know" / ODARA "?".</summary>
public enum Answer
{
    No,
    Yes,
    Unknown,
}
