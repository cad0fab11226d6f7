using Lianhu.Domain.Access;
using Lianhu.Domain.Clocks;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Legal;

/// <summary>
/// Everything legal on one case for one screen: flags (e.g. <c>repeat-warning</c>), protection
/// orders, warning letters and — with access to the contact section — placements. Also the flags
/// alone, which every reader of the case may see.
/// </summary>
public static class GetCaseLegal
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/cases/{id:guid}/legal", async Task<Results<Ok<CaseLegalDto>, NotFound>> (Guid id, Handler handler, CancellationToken ct) =>
                await handler.HandleAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound()).OnCase(CaseSteps.ReadLegal)
            .WithName("GetCaseLegal").WithTags("Legal").WithSummary("A case's flags, protection orders, warning letters and placements (404 outside your scope)");
        api.MapGet("/cases/{id:guid}/flags", async Task<Results<Ok<IReadOnlyList<CaseFlagDto>>, NotFound>> (Guid id, Handler handler, CancellationToken ct) =>
                await handler.FlagsAsync(id, ct) is { } flags ? TypedResults.Ok(flags) : TypedResults.NotFound()).OnCase(CaseSteps.ReadFlags)
            .WithName("ListCaseFlags").WithTags("Cases").WithSummary("A case's flags, e.g. repeat-warning (404 outside your scope)");
    }

    public sealed class Handler(
        LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time, LegalAccess access, ProtectionOrderReader orders, WarningLetterReader letters,
        AgencyDirectory directory, ClockRuleCatalogue catalogue)
    {
        public async Task<IReadOnlyList<CaseFlagDto>?> FlagsAsync(Guid caseId, CancellationToken ct)
        {
            var user = current.Required;
            if (await access.ForCaseAsync(user, caseId, ct) is not { } standing)
            {
                return null;
            }

            if (!standing.CanReadLegal)
            {
                return []; // a repeat-warning flag is legal content
            }

            audit.Record(user.AsActor(), AuditAction.FlagsRead, "case", caseId.ToString(), "legal");
            await db.SaveChangesAsync(ct);
            return [.. (await db.CaseFlags.AsNoTracking().Where(f => f.CaseId == caseId).ToListAsync(ct)).OrderBy(f => f.RaisedAt).Select(f => f.ToDto())];
        }

        public async Task<CaseLegalDto?> HandleAsync(Guid caseId, CancellationToken ct)
        {
            var user = current.Required;
            var standing = await access.ForCaseAsync(user, caseId, ct);
            if (standing is null)
            {
                return null;
            }

            var flags = await FlagsAsync(caseId, ct) ?? [];
            var orderDtos = new List<ProtectionOrderDto>();
            var letterDtos = new List<WarningLetterDto>();
            if (standing.CanReadLegal)
            {
                var orderRows = await orders.WithParts().AsNoTracking().Where(o => o.CaseId == caseId).OrderByDescending(o => o.CreatedAt).ToListAsync(ct);
                orderDtos = await orders.ToDtosAsync(orderRows, new Dictionary<Guid, Domain.Cases.Case> { [caseId] = standing.Case }, ct);
                var letterRows = await letters.WithParts().AsNoTracking().Where(l => l.CaseId == caseId).OrderByDescending(l => l.IssuedAt).ToListAsync(ct);
                letterDtos = await letters.ToDtosAsync(letterRows, standing.Case, ct);
            }

            List<PlacementDto>? placements = null;
            if (standing.CanReadContact)
            {
                var stays = await db.ShelterStays.AsNoTracking().Where(s => s.CaseId == caseId).OrderByDescending(s => s.StartedAt).ToListAsync(ct);
                var ids = stays.Select(s => s.Id).ToList();
                var clockRows = await db.Clocks.AsNoTracking().Where(c => ids.Contains(c.SubjectId)).OrderBy(c => c.DueAt).ToListAsync(ct);
                var names = await directory.NamesAsync(stays.Select(s => s.AgencyId), ct);
                var now = time.GetUtcNow();
                placements = [.. stays.Select(s => s.ToDto(names, clockRows.Where(c => c.SubjectId == s.Id).Select(c => c.ToDto(catalogue, now))))];
            }

            var sections = string.Join(",", new[] { standing.CanReadLegal ? "legal" : null, standing.CanReadContact ? "contact" : null }.OfType<string>());
            audit.Record(user.AsActor(), AuditAction.LegalRead, "case", caseId.ToString(), sections.Length == 0 ? null : sections);
            await db.SaveChangesAsync(ct);
            return new CaseLegalDto(caseId, standing.CanWriteLegal, standing.CanWriteContact, flags, orderDtos, letterDtos, placements);
        }
    }
}
