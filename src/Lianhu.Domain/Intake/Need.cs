namespace Lianhu.Domain.Intake;

/// <summary>What the parties need, as said at intake; routing later turns needs into tasks.</summary>
public enum Need
{
    Shelter,
    Medical,
    LegalAid,
    Counselling,
    ProtectionOrder,
    Mediation,
}
