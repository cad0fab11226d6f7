using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Domain.People;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Persons;

/// <summary>
/// Undoes a link: the record stops pointing at the one it was merged into, and it and the
/// records linked below it form their own cluster again. Works for automatic links (same ID
/// number or phone) as well as confirmed ones. Audited and written on every case involved.
/// </summary>
public static class UnmergePerson
{
    /// <param name="RootId">The record's cluster root after the unmerge (the record itself).</param>
    /// <param name="FormerRootId">The cluster it left.</param>
    /// <param name="Moved">Records that left with it (itself included).</param>
    public sealed record Answer(Guid PersonId, Guid RootId, Guid FormerRootId, int Moved);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/persons/{id:guid}/unmerge", async Task<Results<Ok<Answer>, NotFound>> (Guid id, Handler handler, CancellationToken ct) =>
                await handler.HandleAsync(id, ct) is { } answer ? TypedResults.Ok(answer) : TypedResults.NotFound()).NotACaseStep("a person record: PersonAccess limits it to records of cases the caller may see")
            .WithName("UnmergePerson")
            .WithTags("Persons")
            .WithSummary("Undo the link of a person record (409 when it is not linked)");

    public sealed class Handler(
        LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, PersonAccess access, PersonTimeline personTimeline)
    {
        public async Task<Answer?> HandleAsync(Guid id, CancellationToken ct)
        {
            var user = current.Required;
            var visible = await access.FindAsync(id, user, ct);
            if (visible is null)
            {
                return null;
            }

            var former = visible.RootId;
            await using var tx = await PersonClusterLock.HoldAsync(db, [former], ct);
            if ((await PersonClusterLock.RootsAsync(db, [id], ct))[id] != former)
            {
                throw new DomainRuleViolationException("person.changed", "This record was linked or unlinked by someone else just now; reload and try again.");
            }

            var members = await db.Persons.Where(p => p.RootId == former).ToListAsync(ct);
            var record = members.Single(m => m.Id == id);
            var moved = new PersonCluster(members).Unmerge(record);
            await personTimeline.RecordAsync(CaseEventKind.PersonUnmerged, [.. members.Select(m => m.Id)], user, $"record={id}", ct);
            audit.Record(user.AsActor(), AuditAction.PersonUnmerge, "person", id.ToString());
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new Answer(id, record.RootId, former, moved.Count);
        }
    }
}
