using Lianhu.Domain.Cases;
using Lianhu.Web.Steps;

namespace Lianhu.Web.Features.Closure;

/// <summary>A case's closure was approved at the last level it needed: it is closed. Raised before the closing save.</summary>
public sealed record CaseClosed(Case Case) : ICaseEvent
{
    public Guid CaseId => Case.Id;
}
