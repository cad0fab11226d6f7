namespace Lianhu.Domain.Legal;

/// <summary>Who a ruling or a warning letter was served on or delivered to (ADVL Arts 17, 32).</summary>
public enum ServiceRecipient
{
    Applicant,
    Victim,
    Respondent,
    Police,

    /// <summary>The residents' or villagers' committee of the family's community.</summary>
    Committee,
}
