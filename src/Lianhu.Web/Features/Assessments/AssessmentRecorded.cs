using Lianhu.Domain.Assessments;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;

namespace Lianhu.Web.Features.Assessments;

/// <summary>A risk assessment was recorded on a case: visits are planned and the case is routed at its new level by their features' listeners.</summary>
public sealed record AssessmentRecorded(Assessment Assessment, CurrentUser By, DateTimeOffset At) : ICaseEvent
{
    public Guid CaseId => Assessment.CaseId;
}
