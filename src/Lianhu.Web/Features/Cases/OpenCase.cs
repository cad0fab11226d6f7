using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Cases;

/// <summary>
/// Opens a case. The caller's agency becomes the lead (first-in-charge); the acting user and
/// agency come from the sign-in, never from the body.
/// </summary>
public static class OpenCase
{
    public sealed record Request(string? Channel, string? Summary, string? DivisionCode);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/cases", HandleHttp)
            .WithName("OpenCase")
            .WithTags("Cases")
            .WithSummary("Open a case; the caller's agency becomes the lead");

    private static async Task<Results<Created<CaseDto>, ValidationProblem>> HandleHttp(
        Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(request, text, ct);
        return outcome.Errors is { } errors
            ? errors.ToProblem()
            : TypedResults.Created($"/api/v1/cases/{outcome.Case!.Id}", outcome.Case);
    }

    public sealed record Outcome(CaseDto? Case, FieldErrors? Errors);

    /// <summary>Shared by the API endpoint and the web form.</summary>
    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time, CaseAccess access, Legal.CaseClockHooks clockHooks)
    {
        public async Task<Outcome> HandleAsync(Request request, IStringLocalizer text, CancellationToken ct)
        {
            var user = current.Required;
            var errors = new FieldErrors(text);
            errors.Required("channel", request.Channel).Required("summary", request.Summary).Required("divisionCode", request.DivisionCode);
            errors.MaxLength("summary", request.Summary?.Trim(), Case.SummaryMaxLength);

            var channel = default(Channel);
            if (!string.IsNullOrWhiteSpace(request.Channel) && !StableName.TryParse(request.Channel.Trim(), out channel))
            {
                errors.Add("channel", "unknown-value", string.Join(", ", StableName.All<Channel>()));
            }

            var division = default(DivisionCode);
            if (!string.IsNullOrWhiteSpace(request.DivisionCode))
            {
                if (!DivisionCode.TryParse(request.DivisionCode, out division, out var code))
                {
                    errors.Add("divisionCode", code);
                }
                else if (division.Tier != Tier.Community)
                {
                    errors.Add("divisionCode", "division.not-community");
                }
                else if (!await db.Divisions.AnyAsync(d => d.Code == division.Value, ct))
                {
                    errors.Add("divisionCode", "division.unknown");
                }
            }

            if (errors.Any)
            {
                return new Outcome(null, errors);
            }

            var now = time.GetUtcNow();
            var opened = Case.Open(Guid.CreateVersion7(now), channel, request.Summary!, division, user.AgencyId, user.UserId, now);
            db.Cases.Add(opened);
            audit.Record(user.AsActor(), "case.create", "case", opened.Id.ToString());
            await clockHooks.OnOpenedAsync(opened, user, ct);
            await db.SaveChangesAsync(ct);

            var names = await CaseNames.LoadAsync(db, [opened], ct);
            return new Outcome(names.ToDto(opened, user, access), null);
        }
    }
}
