namespace Lianhu.Domain.Cases;

/// <summary>Where a case is in its life: opened → (assessed, routed, …) → closed. Later stages grow here.</summary>
public enum CaseStatus
{
    Open,
    Closed,
}
