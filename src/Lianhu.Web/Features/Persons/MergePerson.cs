using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Domain.People;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Persons;

/// <summary>
/// A person's decision on a suggested match: <c>confirm</c> links the two records' clusters (the
/// record's cluster points at the other's root; undo with <see cref="UnmergePerson"/>), <c>reject</c>
/// records that they are different people so the pair is not suggested again. Both are audited
/// and written on the timeline of every case involved.
/// </summary>
public static class MergePerson
{
    public const string Confirm = "confirm";
    public const string Reject = "reject";

    /// <param name="Into">The other record (from a suggestion).</param>
    /// <param name="Decision">confirm (default) or reject.</param>
    public sealed record Request(Guid? Into, string? Decision = Confirm);

    /// <param name="UnmergeRecordId">The record whose link this merge set: <c>POST /persons/{it}/unmerge</c> undoes exactly this merge.</param>
    public sealed record Answer(Guid PersonId, Guid OtherPersonId, string Decision, Guid RootId, Guid? UnmergeRecordId, int LinkedRecords);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/persons/{id:guid}/merge", async Task<Results<Ok<Answer>, NotFound, ValidationProblem>> (
                Guid id, Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
            {
                var (answer, errors) = await handler.HandleAsync(id, request, text, ct);
                return errors is not null ? errors.ToProblem() : answer is null ? TypedResults.NotFound() : TypedResults.Ok(answer);
            }).NotACaseStep("a person record: PersonAccess limits it to records of cases the caller may see")
            .WithName("MergePerson")
            .WithTags("Persons")
            .WithSummary("Confirm (link) or reject a suggested match between two person records");

    public sealed class Handler(
        LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time, PersonAccess access,
        PersonTimeline personTimeline)
    {
        public async Task<(Answer? Answer, FieldErrors? Errors)> HandleAsync(Guid id, Request request, IStringLocalizer text, CancellationToken ct)
        {
            var user = current.Required;
            var source = await access.FindAsync(id, user, ct);
            if (source is null)
            {
                return (null, null);
            }

            var errors = new FieldErrors(text);
            var decision = string.IsNullOrWhiteSpace(request.Decision) ? Confirm : request.Decision.Trim();
            if (decision is not (Confirm or Reject))
            {
                errors.Add("decision", "unknown-value", $"{Confirm}, {Reject}");
            }

            var target = request.Into is { } into ? await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == into, ct) : null;
            if (request.Into is null)
            {
                errors.Add("into", "required");
            }
            else if (target is null)
            {
                errors.Add("into", "person.unknown");
            }

            if (errors.Any)
            {
                return (null, errors);
            }

            if (target!.RootId == source.RootId)
            {
                throw new DomainRuleViolationException("person.already-linked", "These records are already linked.");
            }

            return decision == Reject ? (await RejectAsync(source, target, user, ct), null) : await ConfirmAsync(source, target, user, errors, ct);
        }

        private async Task<(Answer?, FieldErrors?)> ConfirmAsync(Person source, Person target, CurrentUser user, FieldErrors errors, CancellationToken ct)
        {
            // The other record must be one of a case the user may see: merging changes that case's history,
            // so a record outside the scope is merged by the supervising centre that sees both.
            if (!await access.CanSeeClusterOfAsync(target.Id, user, ct))
            {
                errors.Add("into", "person.outside-scope");
                return (null, errors);
            }

            // Under the clusters' lock, with the roots as they are now: a concurrent merge may have moved either record.
            var sourceRoot = source.RootId;
            var targetRoot = target.RootId;
            for (var attempt = 1; ; attempt++)
            {
                await using var tx = await PersonClusterLock.HoldAsync(db, [sourceRoot, targetRoot], ct);
                var roots = await PersonClusterLock.RootsAsync(db, [source.Id, target.Id], ct);
                if (roots[source.Id] == roots[target.Id])
                {
                    throw new DomainRuleViolationException("person.already-linked", "These records are already linked.");
                }

                if ((roots[source.Id] != sourceRoot || roots[target.Id] != targetRoot) && attempt < 5)
                {
                    (sourceRoot, targetRoot) = (roots[source.Id], roots[target.Id]);
                    continue; // lock the clusters they belong to now
                }

                var answer = await LinkAsync(source, target, sourceRoot, targetRoot, user, ct);
                await tx.CommitAsync(ct);
                return (answer, null);
            }
        }

        private async Task<Answer> LinkAsync(Person source, Person target, Guid sourceRoot, Guid targetRoot, CurrentUser user, CancellationToken ct)
        {
            var now = time.GetUtcNow();
            var members = await db.Persons.Where(p => p.RootId == sourceRoot).ToListAsync(ct);
            var linked = new PersonCluster(members).MergeInto(targetRoot, PersonCluster.ReasonConfirmed, user.UserId, now);
            var size = members.Count + await db.Persons.CountAsync(p => p.RootId == targetRoot, ct);
            await personTimeline.RecordAsync(
                CaseEventKind.PersonMerged, [.. members.Select(m => m.Id), .. await ClusterIdsAsync(targetRoot, ct)], user, $"record={linked.Id};into={target.Id}", ct);
            audit.Record(user.AsActor(), AuditAction.PersonMerge, "person", linked.Id.ToString(), reason: $"into {target.Id}");
            await db.SaveChangesAsync(ct);
            return new Answer(source.Id, target.Id, Confirm, targetRoot, linked.Id, size - 1);
        }

        private async Task<Answer> RejectAsync(Person source, Person target, CurrentUser user, CancellationToken ct)
        {
            var rejection = PersonMatchRejection.Record(Guid.CreateVersion7(time.GetUtcNow()), source.Id, target.Id, user.UserId, user.AgencyId, time.GetUtcNow());
            if (!await db.PersonMatchRejections.AnyAsync(r => r.PersonId == rejection.PersonId && r.OtherPersonId == rejection.OtherPersonId, ct))
            {
                db.PersonMatchRejections.Add(rejection);
                audit.Record(user.AsActor(), AuditAction.PersonRejectMatch, "person", source.Id.ToString(), reason: $"not {target.Id}");
                await db.SaveChangesAsync(ct);
            }

            var size = await db.Persons.CountAsync(p => p.RootId == source.RootId, ct);
            return new Answer(source.Id, target.Id, Reject, source.RootId, null, size - 1);
        }

        private Task<List<Guid>> ClusterIdsAsync(Guid rootId, CancellationToken ct) =>
            db.Persons.Where(p => p.RootId == rootId).Select(p => p.Id).ToListAsync(ct);
    }
}
