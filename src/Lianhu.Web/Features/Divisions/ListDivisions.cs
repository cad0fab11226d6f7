using Lianhu.Domain.Common;
using Lianhu.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Divisions;

/// <summary>Browses the division tree: the children of a division, or the top-level divisions.</summary>
public static class ListDivisions
{
    public sealed record DivisionDto(string Code, string Name, string? ParentCode, string Tier);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/divisions", async Task<Ok<List<DivisionDto>>> (string? parent, LianhuDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ChildrenAsync(db, parent, ct)))
            .WithName("ListDivisions")
            .WithTags("Directory")
            .WithSummary("Children of a division (or the top-level divisions when no parent is given)");

    public static async Task<List<DivisionDto>> ChildrenAsync(LianhuDbContext db, string? parent, CancellationToken ct)
    {
        var query = db.Divisions.AsNoTracking();
        query = string.IsNullOrWhiteSpace(parent) ? query.Where(d => d.ParentCode == null) : query.Where(d => d.ParentCode == parent);
        var rows = await query.OrderBy(d => d.Code).ToListAsync(ct);
        return [.. rows.Select(d => new DivisionDto(d.Code, d.Name, d.ParentCode, StableName.Of(d.Tier)))];
    }
}
