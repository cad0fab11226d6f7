using Lianhu.Domain.Cases;
using Lianhu.Domain.Intake;
using Lianhu.Domain.Organisation;
using Lianhu.Domain.People;

namespace Lianhu.Web.Features.Intake;

/// <summary>An intake that passed validation: parsed values only, and who receives it.</summary>
public sealed record ValidIntake(
    Channel Channel,
    IntakeChannelPolicy.ChannelRule Rule,
    IntakeMode Mode,
    string Summary,
    DivisionCode Division,
    Guid LeadAgencyId,
    IntakeDetails Details,
    IReadOnlyList<ValidParty> Parties);

/// <param name="Position">Index in the request's <c>parties</c> list.</param>
/// <param name="Disability">The disability recorded for the party, null when none.</param>
public sealed record ValidParty(int Position, PartyRole Role, PersonDetails Person, DisabilityKind? Disability = null);
