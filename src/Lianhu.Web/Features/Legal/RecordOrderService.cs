using Lianhu.Domain.Access;
using Lianhu.Domain.Legal;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Api;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Legal;

/// <summary>
/// The court records that its ruling was served (ADVL Art 32): on the applicant, the victim and the
/// respondent, and sent to the police and the residents'/villagers' committee. A committee without
/// an id is the one of the case's community.
/// </summary>
public static class RecordOrderService
{
    public sealed record Request(string? Recipient, string? Method, string? ServedAt, string? RecipientAgencyId);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/protection-orders/{id:guid}/services", async Task<Results<Ok<ProtectionOrderDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, text, ct)).ToOk(text)).OnCase(CaseSteps.OrderStep)
            .WithName("RecordProtectionOrderService")
            .WithTags("Legal")
            .WithSummary("Record service of the ruling on a party, the police or the committee (court)")
            .ProducesProblem(StatusCodes.Status409Conflict);

    public sealed class Handler(ProtectionOrderCommand command, AgencyDirectory directory)
    {
        public Task<LegalOutcome<ProtectionOrderDto>> HandleAsync(Guid id, Request request, IStringLocalizer text, CancellationToken ct) =>
            command.RunAsync(id, OrderActor.Court, AuditAction.ProtectionOrderService, text, async step =>
            {
                var recipient = LegalInput.Enum<ServiceRecipient>(step.Errors, "recipient", request.Recipient);
                var method = LegalInput.Enum<DeliveryMethod>(step.Errors, "method", request.Method);
                var at = LegalInput.Instant(step.Errors, "servedAt", request.ServedAt, step.Now);
                Guid? agency = null;
                if (!string.IsNullOrWhiteSpace(request.RecipientAgencyId))
                {
                    if (Guid.TryParse(request.RecipientAgencyId.Trim(), out var parsed) && (await directory.NamesAsync([parsed], ct)).Count == 1)
                    {
                        agency = parsed;
                    }
                    else
                    {
                        step.Errors.Add("recipientAgencyId", "legal.unknown-agency");
                    }
                }
                else if (recipient == ServiceRecipient.Committee)
                {
                    agency = await directory.NearestAsync(step.Standing.Case.DivisionCode, ct, AgencyType.ResidentsCommittee);
                }
                else if (recipient == ServiceRecipient.Police)
                {
                    agency = step.Order.PoliceAgencyId;
                }

                if (!step.Errors.Any)
                {
                    step.Order.RecordService(step.User.UserId, recipient!.Value, method!.Value, at!.Value, agency, step.Now);
                }
            }, ct);
    }
}
