using System.Text.Json;
using System.Text.Json.Nodes;
using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Domain.Instruments;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Data.Configurations;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Instruments;

/// <summary>
/// Publishes a new version of an instrument (bundled or local) without code. The body holds the
/// definition fields of <c>config/instruments/*.json</c>; the server assigns the version number
/// (latest + 1) and the id from the route, validates with the domain validator (400 naming the
/// field) and stores an immutable <c>local</c> row. Existing versions are never changed.
/// </summary>
public static class PublishInstrumentVersion
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/instruments/{id}/versions", async Task<Results<Created<InstrumentVersionDto>, NotFound, ValidationProblem, ForbidHttpResult>> (
                string id, JsonObject body, Handler handler, IStringLocalizer<Handler> text, CancellationToken ct) =>
                ToHttp(await handler.PublishAsync(id, body, newInstrument: false, text, ct)))
            .RequireAuthorization(InstrumentPublishers.Policy)
            .WithName("PublishInstrumentVersion")
            .WithTags("Instruments")
            .WithSummary("Publish a new version of an instrument (sysadmin or linkage-centre supervisor)");

    public static Results<Created<InstrumentVersionDto>, NotFound, ValidationProblem, ForbidHttpResult> ToHttp(Outcome outcome) => outcome switch
    {
        { Forbidden: true } => TypedResults.Forbid(),
        { Errors: { } errors } => errors.ToProblem(),
        { Published: { } v } => TypedResults.Created($"/api/v1/instruments/{v.Id}?version={v.Version}", v),
        _ => TypedResults.NotFound(),
    };

    /// <param name="Published">The stored version; null with no errors and not forbidden means the instrument does not exist.</param>
    public sealed record Outcome(InstrumentVersionDto? Published, FieldErrors? Errors, bool Forbidden = false);

    /// <summary>Shared by both publishing endpoints and the admin editor.</summary>
    public sealed class Handler(LianhuDbContext db, InstrumentStore store, CurrentUserAccessor current, AuditTrail audit, TimeProvider time)
    {
        /// <param name="newInstrument">True: <paramref name="id"/> must not exist yet and gets version 1. False: it must exist.</param>
        public async Task<Outcome> PublishAsync(string? id, JsonObject body, bool newInstrument, IStringLocalizer text, CancellationToken ct)
        {
            var user = current.Required;
            if (!InstrumentPublishers.CanPublish(user))
            {
                return new Outcome(null, null, Forbidden: true);
            }

            var errors = new FieldErrors(text).Required("id", id).MaxLength("id", id, InstrumentVersionConfiguration.InstrumentIdMaxLength);
            if (body.TryGetPropertyValue("id", out var given) && given is JsonValue value && value.TryGetValue<string>(out var bodyId) && bodyId != id)
            {
                errors.Add("id", "instrument.id-mismatch", id ?? string.Empty);
            }

            if (errors.Any)
            {
                return new Outcome(null, errors);
            }

            var exists = await store.ExistsAsync(id!, ct);
            if (newInstrument && exists)
            {
                throw new DomainRuleViolationException("instrument.exists", $"Instrument {id} already exists; publish a new version of it instead.");
            }

            if (!newInstrument && !exists)
            {
                return new Outcome(null, null);
            }

            var version = await store.NextVersionAsync(id!, ct);
            var draft = body.DeepClone().AsObject();
            draft["id"] = id;
            draft["version"] = version;
            InstrumentDefinition definition;
            try
            {
                definition = InstrumentDefinitionJson.Parse(draft.ToJsonString(InstrumentJsonOptions.Default));
            }
            catch (InstrumentDefinitionException ex)
            {
                return new Outcome(null, errors.Add(ex));
            }

            var row = InstrumentVersion.Local(definition, time.GetUtcNow(), user.UserId, user.AgencyId);
            db.InstrumentVersions.Add(row);
            audit.Record(user.AsActor(), AuditAction.InstrumentPublish, "instrument", id, section: $"v{version}");
            await SaveAsync(row, ct);
            return new Outcome(InstrumentVersionDto.From(row), null);
        }

        /// <summary>The same definition as a JSON object, as the editor form posts it.</summary>
        public Task<Outcome> PublishAsync(InstrumentDefinition draft, bool newInstrument, IStringLocalizer text, CancellationToken ct) =>
            PublishAsync(draft.Id, JsonSerializer.SerializeToNode(draft, InstrumentJsonOptions.Default)!.AsObject(), newInstrument, text, ct);

        /// <summary>Two administrators publishing at once get the same number; the second is told to retry.</summary>
        private async Task SaveAsync(InstrumentVersion row, CancellationToken ct)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (!await db.InstrumentVersions.AnyAsync(v => v.InstrumentId == row.InstrumentId && v.Version == row.Version, ct))
                {
                    throw;
                }

                throw new DomainRuleViolationException("instrument.version-taken", $"Version {row.Version} of {row.InstrumentId} was published meanwhile; reload and try again.");
            }
        }
    }
}
