namespace Lianhu.Web.Features.Intake;

/// <summary>A party as the intake request names them; only the role and one of name, ID number or phone are required.</summary>
/// <param name="Role">victim, respondent, child, other-family, reporter, witness.</param>
/// <param name="IdNumber">18-digit resident ID (or a legacy 15-digit one).</param>
/// <param name="Phone">Mobile (11 digits) or landline with area code; +86 accepted.</param>
/// <param name="BirthDate">YYYY-MM-DD; derived from the ID number when one is given.</param>
/// <param name="Sex">male or female; derived from the ID number when one is given.</param>
/// <param name="Disabled">The party has a disability (routing brings in the disabled persons' federation for a disabled victim).</param>
/// <param name="DisabilityKind">visual, hearing, speech, physical, intellectual, mental, multiple or unspecified; implies <paramref name="Disabled"/>.</param>
public sealed record PartyInput(string? Role, string? Name, string? IdNumber = null, string? Phone = null, string? BirthDate = null, string? Sex = null, bool? Disabled = null, string? DisabilityKind = null);
