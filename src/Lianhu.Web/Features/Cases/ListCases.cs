using Lianhu.Domain.Common;
using Lianhu.Web.Data;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Cases;

/// <summary>Lists the cases the caller may see, newest first, a page at a time.</summary>
public static class ListCases
{
    public const int MaxPageSize = 100;

    public sealed record Page(IReadOnlyList<CaseSummaryDto> Items, int PageNumber, int PageSize, int Total);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/cases", async Task<Ok<Page>> (Handler handler, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(page ?? 1, pageSize ?? 20, ct)))
            .WithName("ListCases")
            .WithTags("Cases")
            .WithSummary("Cases you may see: your agency's, and for linkage centres every case in your division");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current)
    {
        public async Task<Page> HandleAsync(int page, int pageSize, CancellationToken ct)
        {
            page = Math.Max(1, page);
            pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
            var visible = db.Cases.AsNoTracking().VisibleTo(current.Required);
            var total = await visible.CountAsync(ct);
            var items = await visible.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
                .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
            var names = await CaseNames.LoadAsync(db, items, ct);
            var dtos = items.Select(c => new CaseSummaryDto(
                c.Id, c.Number, StableName.Of(c.Channel), c.DivisionCode, names.Division(c.DivisionCode), c.LeadAgencyId,
                names.Agency(c.LeadAgencyId), StableName.Of(c.Status), c.CreatedAt)).ToList();
            return new Page(dtos, page, pageSize, total);
        }
    }
}
