using Lianhu.Domain.Cases;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;

namespace Lianhu.Web.Features.Intake;

/// <summary>A case was opened from an intake (not an alarm attached to an open case); raised before the intake saves.</summary>
/// <param name="MinorInvolved">A child party or a victim under 18 on the day of intake (Asia/Shanghai).</param>
public sealed record CaseOpened(Case Case, bool MinorInvolved, CurrentUser By) : ICaseEvent
{
    public Guid CaseId => Case.Id;
}
