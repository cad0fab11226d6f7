using Lianhu.Domain.Organisation;

namespace Lianhu.Domain.Sharing;

/// <summary>A legal basis that allows sharing without consent, with its name in both languages.</summary>
public sealed record LegalBasisInfo(string Id, string ZhCn, string En);

/// <summary>
/// Which agency types are non-statutory bodies (sharing with them needs a consent or a legal basis in
/// force), the legal bases that may stand in for consent, and the longest consent period. Data:
/// <c>config/policies/sharing.json</c>, read by <see cref="SharingPolicyJson"/>.
/// </summary>
public sealed class SharingPolicy(int version, IReadOnlySet<AgencyType> nonStatutory, IReadOnlyList<LegalBasisInfo> legalBases, int maxConsentDays)
{
    public int Version { get; } = version;

    public IReadOnlySet<AgencyType> NonStatutory { get; } = nonStatutory;

    public IReadOnlyList<LegalBasisInfo> LegalBases { get; } = legalBases;

    public int MaxConsentDays { get; } = maxConsentDays;

    public bool NeedsConsent(AgencyType type) => NonStatutory.Contains(type);

    public LegalBasisInfo? FindBasis(string? id) => LegalBases.FirstOrDefault(b => b.Id == id);
}
