using Lianhu.Domain.Access;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Legal;
using Lianhu.Domain.Organisation;
using Lianhu.Domain.Visits;
using Lianhu.Web.Api;
using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Legal;

/// <summary>
/// The court issues the order with its measures (ADVL Art 29, SPC codes) and the last day of
/// validity it states (at most six months from the day made, Art 30). The ruling clock completes;
/// <c>po-validity</c> starts (due at the stated last day, 24:00; reminds before expiry), the order
/// goes to the police through the platform — a service record — and <c>po-police-verification</c>
/// (24 h, a city rule) starts, owned by that police agency; and a return-visit task goes to the community
/// police (<c>config/policies/return-visits.json</c>, event <c>protection-order</c>).
/// </summary>
public static class IssueProtectionOrder
{
    /// <param name="ValidUntil">The last day of validity as the ruling states it, e.g. 2026-09-01.</param>
    /// <param name="PoliceAgencyId">The police agency to enforce it; empty means the police station (else bureau) nearest the case's community.</param>
    public sealed record Request(IReadOnlyList<MeasureInput>? Measures, string? ValidUntil, string? PoliceAgencyId, string? At);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/protection-orders/{id:guid}/issue", async Task<Results<Ok<ProtectionOrderDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, text, ct)).ToOk(text)).OnCase(CaseSteps.OrderStep)
            .WithName("IssueProtectionOrder")
            .WithTags("Legal")
            .WithSummary("The court issues the order with measures and validity (≤ 6 months); starts validity and police-verification clocks")
            .ProducesProblem(StatusCodes.Status409Conflict);

    public sealed class Handler(ProtectionOrderCommand command, LegalClocks clocks, AgencyDirectory directory, Visits.ReturnVisitTasks visits)
    {
        public async Task<LegalOutcome<ProtectionOrderDto>> HandleAsync(Guid id, Request request, IStringLocalizer text, CancellationToken ct)
        {
            var outcome = await IssueAsync(id, request, text, ct);
            await visits.PublishAsync(ct);
            return outcome;
        }

        private Task<LegalOutcome<ProtectionOrderDto>> IssueAsync(Guid id, Request request, IStringLocalizer text, CancellationToken ct) =>
            command.RunAsync(id, OrderActor.Court, AuditAction.ProtectionOrderIssue, text, async step =>
            {
                var errors = step.Errors;
                var at = LegalInput.Instant(errors, "at", request.At, step.Now);
                var measures = LegalInput.Measures(errors, "measures", request.Measures);
                errors.AddAll(ProtectionOrderApplication.MeasureProblems("measures", measures, "legal.measures-required"));
                var until = LegalInput.Day(errors, "validUntil", request.ValidUntil);
                if (at is { } made && until is { } last)
                {
                    var day = ShanghaiTime.DayOf(made);
                    if (last < day)
                    {
                        errors.Add("validUntil", "legal.validity-before-made");
                    }
                    else if (last > ProtectionOrder.LatestValidUntil(day))
                    {
                        errors.Add("validUntil", "legal.validity-too-long", ProtectionOrder.LatestValidUntil(day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    }
                }

                var police = await PoliceAsync(request.PoliceAgencyId, step, ct);
                if (errors.Any)
                {
                    return;
                }

                var issuedAt = at!.Value;
                var order = step.Order;
                order.Issue(step.User.UserId, issuedAt, measures, until!.Value, police);
                await clocks.CompleteAsync(step.User, step.Subject, "po-ruling", "保护令已签发 / order issued", step.Now, ct);
                var validity = ValidityClock.Compute(clocks.Catalogue, order.ValidFrom!.Value, order.ValidUntil!.Value);
                clocks.Start(step.User.AsActor(), step.User.UserId, order.CaseId, step.Subject, validity, order.CourtAgencyId, step.Now);
                if (police is { } p)
                {
                    order.RecordService(step.User.UserId, ServiceRecipient.Police, DeliveryMethod.Electronic, issuedAt, p, step.Now);
                    clocks.Start(step.User, order.CaseId, step.Subject, "po-police-verification", ClockStart.At(issuedAt), p, step.Now);
                }

                // The community police visit the victim after the order (return-visits.json, event protection-order).
                await visits.ForEventAsync(order.CaseId, VisitEvent.ProtectionOrder, issuedAt, step.Subject, step.User, step.Now, ct);
            }, ct);

        private async Task<Guid?> PoliceAsync(string? requested, OrderStep step, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(requested))
            {
                return await directory.NearestAsync(step.Standing.Case.DivisionCode, ct, AgencyType.PoliceStation, AgencyType.PoliceBureau);
            }

            if (Guid.TryParse(requested.Trim(), out var id)
                && (await directory.IsActiveOfTypeAsync(id, AgencyType.PoliceStation, ct) || await directory.IsActiveOfTypeAsync(id, AgencyType.PoliceBureau, ct)))
            {
                return id;
            }

            step.Errors.Add("policeAgencyId", "legal.not-police");
            return null;
        }
    }
}
