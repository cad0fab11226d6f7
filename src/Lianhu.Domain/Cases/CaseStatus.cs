namespace Lianhu.Domain.Cases;

/// <summary>Where a case is in its life: open → closure pending (approval by the supervising centre) → closed → (reopened) open.</summary>
public enum CaseStatus
{
    Open,
    ClosurePending,
    Closed,
}
