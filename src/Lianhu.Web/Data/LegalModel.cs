using Lianhu.Domain.Legal;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Data;

/// <summary>The legal instruments' enums, stored by stable name (one call from <see cref="LianhuDbContext"/>).</summary>
public static class LegalModel
{
    public static void RegisterConventions(ModelConfigurationBuilder builder)
    {
        StableNameConverter.Register<ApplicantType>(builder);
        StableNameConverter.Register<ApplicationGround>(builder);
        StableNameConverter.Register<ProtectionOrderStatus>(builder);
        StableNameConverter.Register<ServiceRecipient>(builder);
        StableNameConverter.Register<DeliveryMethod>(builder);
        StableNameConverter.Register<AmendmentKind>(builder);
        StableNameConverter.Register<PlacementKind>(builder);
        StableNameConverter.Register<PlacementOutcome>(builder);
        StableNameConverter.Register<FollowUpStatus>(builder);
        StableNameConverter.Register<InabilityReason>(builder);
        StableNameConverter.Register<VictimWishes>(builder);
        StableNameConverter.Register<BreachResponse>(builder);
        StableNameConverter.Register<ReportKind>(builder);
    }
}
