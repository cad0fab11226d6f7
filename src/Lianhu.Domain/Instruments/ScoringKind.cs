namespace Lianhu.Domain.Instruments;

public enum ScoringKind
{
    /// <summary>Score = number of "yes" answers.</summary>
    Count,

    /// <summary>Score = sum of the weights of the items answered "yes".</summary>
    Weights,
}
