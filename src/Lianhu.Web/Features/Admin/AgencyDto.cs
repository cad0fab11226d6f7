using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;

namespace Lianhu.Web.Features.Admin;

public sealed record AgencyDto(Guid Id, string Name, string Type, string DivisionCode, string Tier, bool IsActive, string? DutyEmail = null)
{
    public static AgencyDto From(Agency a) => new(a.Id, a.Name, StableName.Of(a.Type), a.DivisionCode, StableName.Of(a.Tier), a.IsActive, a.DutyEmail);
}
