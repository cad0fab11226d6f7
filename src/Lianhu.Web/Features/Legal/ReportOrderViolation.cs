using Lianhu.Domain.Access;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Legal;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Legal;

/// <summary>
/// A breach of an order in force is reported (ADVL Art 34). It creates follow-up work for the
/// court (sanction: admonition, fine, detention, or referral as the crime of refusing to execute)
/// and for the police (respond and verify, guarded by a 24 h <c>po-police-verification</c> clock).
/// The work is two <c>legal_followups</c> rows the linkage feature will turn into tasks. The breach is
/// kept on the order and shown on the timeline; the court answers it with <see cref="AnswerOrderBreach"/>.
/// </summary>
public static class ReportOrderViolation
{
    public const string CourtKind = "po-violation-court";
    public const string PoliceKind = "po-violation-police";
    public const string FollowUpSubject = "legal-followup";

    public sealed record Request(string? Details, string? At);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/protection-orders/{id:guid}/violations", async Task<Results<Ok<ProtectionOrderDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, text, ct)).ToOk(text)).OnCase(CaseSteps.OrderStep)
            .WithName("ReportProtectionOrderViolation")
            .WithTags("Legal")
            .WithSummary("Report a breach of an order in force; creates follow-up work for the court and the police")
            .ProducesProblem(StatusCodes.Status409Conflict);

    public sealed class Handler(ProtectionOrderCommand command, LegalClocks clocks, AgencyDirectory directory, LianhuDbContext db, AuditTrail audit)
    {
        public Task<LegalOutcome<ProtectionOrderDto>> HandleAsync(Guid id, Request request, IStringLocalizer text, CancellationToken ct) =>
            command.RunAsync(id, OrderActor.AnyWriter, AuditAction.ProtectionOrderViolation, text, async step =>
            {
                LegalInput.Text(step.Errors, "details", request.Details, LegalFollowUp.TextMaxLength);
                var at = LegalInput.Instant(step.Errors, "at", request.At, step.Now);
                if (step.Errors.Any)
                {
                    return;
                }

                var order = step.Order;
                order.RecordViolation(at!.Value, step.User.UserId, step.User.AgencyId, step.Now);
                var police = order.PoliceAgencyId
                    ?? await directory.NearestAsync(step.Standing.Case.DivisionCode, ct, AgencyType.PoliceStation, AgencyType.PoliceBureau)
                    ?? order.CourtAgencyId;
                Open(step, CourtKind, order.CourtAgencyId, request.Details!, null);
                var policeWork = Guid.CreateVersion7(step.Now);
                var clock = clocks.Start(step.User, order.CaseId, ClockSubject.Of(FollowUpSubject, policeWork), "po-police-verification", ClockStart.At(at.Value), police, step.Now);
                Open(step, PoliceKind, police, request.Details!, clock.Id, policeWork);
            }, ct);

        private void Open(OrderStep step, string kind, Guid assignee, string details, Guid? clockId, Guid? id = null)
        {
            var followUp = LegalFollowUp.Open(
                id ?? Guid.CreateVersion7(step.Now), step.Order.CaseId, kind, ClockSubject.ProtectionOrderType, step.Order.Id, assignee, details, clockId, step.User.UserId, step.Now);
            db.LegalFollowUps.Add(followUp);
            audit.Record(step.User.AsActor(), AuditAction.LegalFollowupOpen, "legal-followup", followUp.Id.ToString(), "legal");
        }
    }
}
