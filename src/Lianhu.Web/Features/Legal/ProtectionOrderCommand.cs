using Lianhu.Domain.Access;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Legal;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;

namespace Lianhu.Web.Features.Legal;

/// <summary>Who may take a step on an order: its court, its police, or anyone with write access to the legal section.</summary>
public enum OrderActor
{
    Court,
    Police,
    AnyWriter,
}

/// <summary>What a step on an order works with.</summary>
public sealed record OrderStep(CurrentUser User, ProtectionOrder Order, LegalStanding Standing, DateTimeOffset Now, FieldErrors Errors)
{
    public ClockSubject Subject => ClockSubject.Of(ClockSubject.ProtectionOrderType, Order.Id);
}

/// <summary>
/// The frame every step on a protection order runs in: load, resolve the caller's standing (404
/// outside scope, 403 without write access or when the step belongs to the court or the police),
/// run the step, audit it and save it all in one transaction, answer the order as it now is.
/// Illegal moves throw from the aggregate (409).
/// </summary>
public sealed class ProtectionOrderCommand(
    LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time, LegalAccess access, ProtectionOrderReader reader)
{
    public async Task<LegalOutcome<ProtectionOrderDto>> RunAsync(
        Guid orderId, OrderActor actor, AuditAction auditAction, Microsoft.Extensions.Localization.IStringLocalizer text, Func<OrderStep, Task> step, CancellationToken ct)
    {
        var user = current.Required;
        var order = await reader.FindAsync(orderId, ct);
        if (order is null)
        {
            return LegalOutcome<ProtectionOrderDto>.Missing;
        }

        var standing = await access.ForOrderAsync(user, order, ct);
        if (standing is null)
        {
            return LegalOutcome<ProtectionOrderDto>.Missing;
        }

        if (!standing.CanWriteLegal)
        {
            return LegalOutcome<ProtectionOrderDto>.Deny("legal.no-write");
        }

        if (actor == OrderActor.Court && user.AgencyId != order.CourtAgencyId)
        {
            return LegalOutcome<ProtectionOrderDto>.Deny("legal.court-only");
        }

        if (actor == OrderActor.Police && (order.PoliceAgencyId is not { } police || user.AgencyId != police))
        {
            return LegalOutcome<ProtectionOrderDto>.Deny("legal.police-only");
        }

        var errors = new FieldErrors(text);
        await step(new OrderStep(user, order, standing, time.GetUtcNow(), errors));
        if (errors.Any)
        {
            return LegalOutcome<ProtectionOrderDto>.Invalid(errors);
        }

        audit.Record(user.AsActor(), auditAction, "protection-order", order.Id.ToString(), "legal");
        await db.SaveChangesAsync(ct);
        return LegalOutcome<ProtectionOrderDto>.Ok(await reader.ToDtoAsync(order, standing.Case, ct));
    }
}
