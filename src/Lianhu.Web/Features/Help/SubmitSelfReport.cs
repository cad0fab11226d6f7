using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;
using Lianhu.Domain.People;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Data.Configurations;
using Lianhu.Web.Features.Intake;
using Lianhu.Web.Identity;
using Lianhu.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Help;

/// <summary>
/// The person's own report through the public door (issue 16 item 2): what happened, the community
/// (picked), how and when it is safe to contact her. It is an intake on the <c>self-report</c> channel
/// through <see cref="OpenCase.Handler"/> — routed by the intake-channel policy, numbered, audited and
/// made idempotent there — as the public door (<see cref="CurrentUser.PublicDoor"/>). The form token's id
/// is the idempotency key: a retry or a replay creates nothing and gets the generic answer.
/// </summary>
public static class SubmitSelfReport
{
    /// <param name="What">What happened, in her words (the case summary).</param>
    /// <param name="Community">The 12-digit community code picked from the list.</param>
    /// <param name="Phone">A mobile to contact her; optional.</param>
    /// <param name="MessageOnly">"Text messages only, do not call."</param>
    /// <param name="SafeTimes">When it is safe to contact her; optional.</param>
    /// <param name="Details">Anything else; optional.</param>
    /// <param name="FormToken">The token the form was served with (<c>GET /api/v1/help/form-token</c> for API callers).</param>
    public sealed record Request(string? What, string? Community, string? Phone, bool MessageOnly, string? SafeTimes, string? Details, string? FormToken);

    /// <summary>The receipt shown once: the code and the secret (as two groups of five).</summary>
    public sealed record ReceiptDto(string Receipt, string Secret);

    /// <summary>The same answer for every retry and replay: nothing about what exists.</summary>
    public sealed record GenericDto(string Message);

    /// <summary>One of: field errors (by the form's field names), a new receipt, or the generic answer.</summary>
    public sealed record Answer(IReadOnlyDictionary<string, string[]>? Errors = null, ReceiptDto? Receipt = null, bool Generic = false);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/help/form-token", (FormTokens tokens) => TypedResults.Ok(new FormTokenDto(tokens.Issue())))
            .WithName("GetHelpFormToken")
            .WithTags("Help")
            .WithSummary("A signed form token for a self-report: hold it at least a few seconds, use it once");
        api.MapPost("/help/reports", async Task<Results<Created<ReceiptDto>, Ok<GenericDto>, ValidationProblem>> (Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
            {
                var answer = await handler.SubmitAsync(request, text, ct);
                return answer switch
                {
                    { Errors: { } errors } => TypedResults.ValidationProblem(errors, title: text["error.validation-title"].Value),
                    { Receipt: { } receipt } => TypedResults.Created((string?)null, receipt),
                    _ => TypedResults.Ok(new GenericDto(text["help.report.generic"].Value)),
                };
            })
            .WithName("SubmitSelfReport")
            .WithTags("Help")
            .WithSummary("The person's own report (no sign-in): a receipt code and a secret, shown once")
            .WithDescription("A replayed or retried form token creates nothing and gets the same generic answer.");
    }

    public sealed record FormTokenDto(string Token);

    public sealed class Handler(
        OpenCase.Handler intake, FormTokens tokens, SelfReportDraft draft, FieldCipher cipher, LianhuDbContext db)
    {
        public async Task<Answer> SubmitAsync(Request request, IStringLocalizer text, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            var errors = new FieldErrors(text);
            var what = request.What?.Trim();
            errors.Required("what", what).MaxLength("what", what, Lianhu.Domain.Cases.Case.SummaryMaxLength).PlainName("what", what);
            DivisionCode place = default;
            if (string.IsNullOrWhiteSpace(request.Community) || !DivisionCode.TryParse(request.Community.Trim(), out place, out _) || place.Tier != Tier.Community)
            {
                errors.Add("community", "help.community");
            }

            string? phone = null;
            if (!string.IsNullOrWhiteSpace(request.Phone))
            {
                if (PhoneNumber.TryParse(request.Phone, out var number, out _) && number.Kind == PhoneNumberKind.Mobile)
                {
                    phone = number.National;
                }
                else
                {
                    errors.Add("phone", "help.phone");
                }
            }

            var safeTimes = Blank(request.SafeTimes);
            var details = Blank(request.Details);
            errors.MaxLength("safeTimes", safeTimes, SelfReportRecord.SafeTimesMaxLength).MaxLength("details", details, SelfReportRecord.DetailsMaxLength);
            var (verdict, tokenId) = tokens.Check(request.FormToken);
            if (verdict == FormTokens.Verdict.Invalid)
            {
                errors.Add("formToken", "help.form-token");
            }
            else if (verdict == FormTokens.Verdict.TooFast)
            {
                errors.Add("formToken", "help.too-fast");
            }

            if (errors.Any)
            {
                return new Answer(Errors: errors.ToDictionary());
            }

            var opening = new OpenCase.Request(StableName.Of(Lianhu.Domain.Cases.Channel.SelfReport), what, place.Value);
            for (var attempt = 1; ; attempt++)
            {
                var code = ReceiptCodes.NewCode();
                var secret = ReceiptCodes.NewSecret();
                draft.Current = new SelfReportDraft.Pending(code, cipher.Mac(ReceiptCodes.MacContent(code, secret), ReceiptCodes.SecretPurpose), phone, request.MessageOnly, safeTimes, details);
                draft.OpenedCaseId = null;
                try
                {
                    var outcome = await intake.HandleAsync(opening, CurrentUser.PublicDoor(place), text, ct, $"help:{tokenId:N}");
                    if (outcome.Errors is { } refused)
                    {
                        return new Answer(Errors: Rename(refused.ToDictionary()));
                    }

                    // Only the request that opened the case sees its receipt; a retry or a replay of the token does not.
                    return draft.OpenedCaseId is null ? new Answer(Generic: true) : new Answer(Receipt: new ReceiptDto(code, ReceiptCodes.Display(secret)));
                }
                catch (DbUpdateException e) when (attempt < 3 && UniqueViolation.Is(e, SelfReportRecordConfiguration.ReceiptIndex, "self_reports.ReceiptCode"))
                {
                    db.ChangeTracker.Clear(); // a receipt code drawn twice (39 bits): draw again
                }
                finally
                {
                    draft.Current = null;
                }
            }
        }

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

        /// <summary>The intake names fields by the API's intake names; the form has its own.</summary>
        private static Dictionary<string, string[]> Rename(IReadOnlyDictionary<string, string[]> errors) =>
            errors.ToDictionary(kv => kv.Key switch { "summary" => "what", "divisionCode" => "community", _ => kv.Key }, kv => kv.Value);
    }
}
