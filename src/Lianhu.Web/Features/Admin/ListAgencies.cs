using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Admin;

/// <summary>The agency directory (not personal data): every signed-in member unit can look it up to refer work.</summary>
public static class ListAgencies
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/agencies", async Task<Ok<List<AgencyDto>>> (string? divisionCode, string? type, LianhuDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await QueryAsync(db, divisionCode, type, ct)))
            .WithName("ListAgencies")
            .WithTags("Directory")
            .WithSummary("Agencies, optionally within a division and of one type");

    public static async Task<List<AgencyDto>> QueryAsync(LianhuDbContext db, string? divisionCode, string? type, CancellationToken ct)
    {
        var query = db.Agencies.AsNoTracking();
        if (DivisionCode.TryParse(divisionCode, out var division, out _))
        {
            var prefix = division.ScopePrefix;
            query = query.Where(a => a.DivisionCode.StartsWith(prefix));
        }

        if (StableName.TryParse<AgencyType>(type, out var agencyType))
        {
            query = query.Where(a => a.Type == agencyType);
        }

        var rows = await query.OrderBy(a => a.DivisionCode).ThenBy(a => a.Name).ToListAsync(ct);
        return [.. rows.Select(AgencyDto.From)];
    }
}
