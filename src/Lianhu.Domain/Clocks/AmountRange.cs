namespace Lianhu.Domain.Clocks;

/// <summary>The amounts a caller may ask for instead of the rule's default (e.g. 1..6 months of validity).</summary>
public readonly record struct AmountRange(int Min, int Max)
{
    public bool Contains(int amount) => amount >= Min && amount <= Max;
}
