namespace Lianhu.Domain.Intake;

/// <summary>Forms of violence named at intake (ADVL Art 2 and the SPC 2022 provisions).</summary>
public enum ViolenceForm
{
    Physical,
    Psychological,
    Sexual,
    Economic,
    StalkingHarassment,

    /// <summary>Includes 冻饿 (leaving someone cold or hungry).</summary>
    Neglect,
    RestrictionOfFreedom,
}
