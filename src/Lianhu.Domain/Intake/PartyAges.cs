using Lianhu.Domain.People;

namespace Lianhu.Domain.Intake;

/// <summary>
/// What an intake's parties say about age on a date, by <see cref="LegalAge"/>: whether a minor is
/// involved (a child party — children in a violent home are treated like a minor victim — or a victim
/// under 18), which starts the minors' green channel and the education line of routing, and whether a
/// victim is elderly. A party without a birth date counts as neither (ADR 0025).
/// </summary>
public static class PartyAges
{
    public static bool MinorInvolved(IEnumerable<(PartyRole Role, DateOnly? Born)> parties, DateOnly on) =>
        parties.Any(p => p.Role == PartyRole.Child || (p.Role == PartyRole.Victim && p.Born is { } born && LegalAge.IsMinorOn(born, on)));

    public static bool ElderlyVictim(IEnumerable<(PartyRole Role, DateOnly? Born)> parties, DateOnly on) =>
        parties.Any(p => p.Role == PartyRole.Victim && p.Born is { } born && LegalAge.IsElderlyOn(born, on));
}
