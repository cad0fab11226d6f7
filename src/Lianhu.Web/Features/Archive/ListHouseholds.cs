using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Intake;
using Lianhu.Domain.People;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Persons;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Archive;

/// <summary>
/// The archive list: households with closed cases the caller may see. <c>q</c> finds them by a
/// case number, a resident ID number, a phone number or a name (through the person index's blind
/// indexes — nothing is decrypted to search); without it, the households of the latest closures.
/// Only households reachable from a case the caller may see are listed.
/// </summary>
public static class ListHouseholds
{
    public const int MaxHouseholds = 50;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/archive/households", async Task<Ok<IReadOnlyList<HouseholdSummary>>> (string? q, Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(q, ct)))
            .WithName("ListArchiveHouseholds")
            .WithTags("Archive")
            .WithSummary("Households of the family archive, found by case number or person (ID number, phone, name)");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, Households households, ArchiveReader reader, PersonLookup lookup, AuditTrail audit)
    {
        public async Task<IReadOnlyList<HouseholdSummary>> HandleAsync(string? q, CancellationToken ct)
        {
            var user = current.Required;
            var seeds = await SeedsAsync(user, q?.Trim(), ct);
            var seen = new HashSet<Guid>();
            var result = new List<HouseholdSummary>();
            foreach (var seed in seeds)
            {
                if (result.Count >= MaxHouseholds || seen.Contains(seed))
                {
                    continue;
                }

                var members = await households.ExpandAsync([seed], ct);
                seen.UnionWith(members);
                var household = await reader.ReadAsync(user, members, ct);
                if (household.Closed.Count + household.ClosedElsewhere > 0)
                {
                    result.Add(new HouseholdSummary(
                        household.Id, [.. household.Closed.Select(e => e.Number)], household.Closed.Max(e => e.ClosedAt), household.Closed.Count, household.ClosedElsewhere, household.OpenCases));
                }
            }

            if (!string.IsNullOrEmpty(q))
            {
                // A search by person is a read of personal data (the query is not logged: it may be a name or an ID number).
                audit.Record(user.AsActor(), AuditAction.ArchiveSearch, "archive", null, "archive");
                await db.SaveChangesAsync(ct);
            }

            return result;
        }

        /// <summary>Cases the caller may see that start a household: matched by the query, or the latest closed ones.</summary>
        private async Task<List<Guid>> SeedsAsync(CurrentUser user, string? q, CancellationToken ct)
        {
            var visible = db.Cases.AsNoTracking().VisibleTo(user);
            if (string.IsNullOrEmpty(q))
            {
                return await visible.Where(c => c.Status == CaseStatus.Closed).OrderByDescending(c => c.ClosedAt).Select(c => c.Id).Take(MaxHouseholds * 2).ToListAsync(ct);
            }

            if (Case.IsNumber(q))
            {
                var number = q.ToUpperInvariant();
                return await visible.Where(c => c.Number == number).Select(c => c.Id).ToListAsync(ct);
            }

            var caseIds = lookup.CasesOf(q);
            return await visible.Where(c => caseIds.Contains(c.Id)).OrderByDescending(c => c.CreatedAt).Select(c => c.Id).Take(MaxHouseholds * 2).ToListAsync(ct);
        }
    }
}
