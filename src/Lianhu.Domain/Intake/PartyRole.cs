namespace Lianhu.Domain.Intake;

/// <summary>What a person is in one case.</summary>
public enum PartyRole
{
    Victim,
    Respondent,
    Child,
    OtherFamily,

    /// <summary>Whoever reported it. For a mandatory report (ADVL Art 14) their identity is confidential.</summary>
    Reporter,
    Witness,
}
