using Lianhu.Domain.Access;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Legal.Documents;

/// <summary>
/// The printable PDFs, on the API (bearer token) and under <c>/documents</c> for the signed-in web
/// UI (cookie), both through the same audited, scoped reads: 404 outside the caller's standing.
/// </summary>
public static class DocumentEndpoints
{
    public static void MapApi(IEndpointRouteBuilder api)
    {
        api.MapGet("/protection-orders/{id:guid}/application.pdf", OrderAsync).OnCase(CaseSteps.ReadOrder)
            .WithName("ProtectionOrderApplicationPdf").WithTags("Legal").WithSummary("The protection-order application as a printable PDF (Chinese)");
        api.MapGet("/warning-letters/{id:guid}.pdf", LetterAsync).OnCase(CaseSteps.ReadLetter)
            .WithName("WarningLetterPdf").WithTags("Legal").WithSummary("The warning letter as a printable PDF (Chinese)");
    }

    /// <summary>The same documents for the web UI's links (cookie sign-in; the API group takes bearer tokens only).</summary>
    public static void MapUi(IEndpointRouteBuilder app)
    {
        var documents = app.MapGroup("/documents").RequireAuthorization(Hosting.Policies.Staff).ExcludeFromDescription();
        documents.MapGet("/protection-orders/{id:guid}/application.pdf", OrderAsync).OnCase(CaseSteps.ReadOrder);
        documents.MapGet("/warning-letters/{id:guid}.pdf", LetterAsync).OnCase(CaseSteps.ReadLetter);
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> OrderAsync(
        Guid id, GetProtectionOrder.Handler orders, LegalDocuments documents, Recorder recorder, IStringLocalizer<LegalDocuments> text, CancellationToken ct)
    {
        if (!documents.Available)
        {
            return Unavailable(text);
        }

        if (await orders.HandleAsync(id, ct) is not { } order)
        {
            return TypedResults.NotFound();
        }

        var pdf = documents.ProtectionOrderApplication(order);
        await recorder.RecordAsync(AuditAction.ProtectionOrderDocument, "protection-order", id, ct);
        return TypedResults.File(pdf, "application/pdf", $"protection-order-application-{order.CaseNumber}.pdf");
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> LetterAsync(
        Guid id, WarningLetterSteps.Handler letters, LegalDocuments documents, Recorder recorder, IStringLocalizer<LegalDocuments> text, CancellationToken ct)
    {
        if (!documents.Available)
        {
            return Unavailable(text);
        }

        if (await letters.GetAsync(id, ct) is not { } letter)
        {
            return TypedResults.NotFound();
        }

        var pdf = documents.WarningLetter(letter);
        await recorder.RecordAsync(AuditAction.WarningLetterDocument, "warning-letter", id, ct);
        return TypedResults.File(pdf, "application/pdf", $"warning-letter-{letter.CaseNumber}.pdf");
    }

    private static ProblemHttpResult Unavailable(IStringLocalizer text) => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: text["error.legal.pdf-unavailable-title"].Value,
        detail: text["error.legal.pdf-font-missing"].Value,
        extensions: new Dictionary<string, object?> { ["code"] = "legal.pdf-font-missing" });

    /// <summary>Audits that a document with personal data left the system.</summary>
    public sealed class Recorder(LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit)
    {
        public async Task RecordAsync(AuditAction action, string entityType, Guid id, CancellationToken ct)
        {
            audit.Record(current.Required.AsActor(), action, entityType, id.ToString(), "legal");
            await db.SaveChangesAsync(ct);
        }
    }
}
