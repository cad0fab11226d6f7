using Lianhu.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Consultation;

/// <summary>
/// The public consultation assistant: a question in, an answer (or the emergency steps first, or
/// the offer of a person) out. No sign-in, rate-limited per address, nothing stored or logged of the
/// question (ADR 0036).
/// </summary>
public static class AskAssistant
{
    public sealed record Request(string? Question, string? Language);

    public static void Map(IEndpointRouteBuilder open)
    {
        open.MapPost("/help/ask", async Task<Results<Ok<AssistantReply>, ValidationProblem>> (Request request, Assistant assistant, IStringLocalizer<Request> text, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                var errors = Validate(request.Question, text);
                if (errors.Any)
                {
                    return errors.ToProblem();
                }

                return TypedResults.Ok(await assistant.AskAsync(request.Question!, Language(request.Language), ct));
            })
            .RequireRateLimiting(ConsultationModule.RateLimit)
            .WithName("AskAssistant")
            .WithTags("Help")
            .WithSummary("Ask the consultation assistant (public; nothing is stored)");
        open.MapGet("/help/answers/{entryId}", async Task<Results<Ok<AssistantAnswer>, NotFound>> (string entryId, string? language, Assistant assistant, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                return await assistant.EntryAsync(entryId, Language(language), ct) is { } answer ? TypedResults.Ok(answer) : TypedResults.NotFound();
            })
            .RequireRateLimiting(ConsultationModule.RateLimit)
            .WithName("GetAssistantAnswer")
            .WithTags("Help")
            .WithSummary("One answer of the consultation assistant by its id (public)");
    }

    public static FieldErrors Validate(string? question, IStringLocalizer text)
    {
        var errors = new FieldErrors(text);
        if (string.IsNullOrWhiteSpace(question))
        {
            errors.Add("question", "consultation.question.required");
        }
        else if (question.Length > Assistant.MaxQuestion)
        {
            errors.Add("question", "consultation.question.too-long", Assistant.MaxQuestion);
        }

        return errors;
    }

    private static string Language(string? language) => language is "en" ? "en" : language is null or "" ? Localization.JsonStringLocalizer.CultureKey() : "zh-CN";
}
