namespace Lianhu.Domain.Legal;

/// <summary>One thing wrong with an application or a letter: the field (JSON name) and a stable code (<c>error.{code}</c>).</summary>
public sealed record LegalProblem(string Field, string Code);

/// <summary>
/// What an applicant asks the court for. <see cref="Problems"/> checks the form and the three
/// conditions of ADVL Art 27 before the application may be filed: (1) an identified respondent
/// (a name plus an ID number or an address), (2) a specific request (at least one measure; "other"
/// described in words), (3) domestic violence suffered or a real danger of it, with the facts; then
/// who may apply for whom (<see cref="ApplicantStanding"/>: ADVL Art 23, SPC 2022 Art 2) and against
/// whom and when (<see cref="ProtectionOrderEligibility"/>: the relation, the day the court received it,
/// WRPL 2022 Art 29 from 2023-01-01). <paramref name="ReceivedOn"/> null = today.
/// </summary>
public sealed record ProtectionOrderApplication(
    ApplicantType? ApplicantType,
    string? ApplicantName,
    string? ApplicantRelation,
    string? VictimName,
    string? RespondentName,
    string? RespondentIdNumber,
    string? RespondentAddress,
    RespondentRelation? RespondentRelation,
    ApplicationGround? Ground,
    string? Facts,
    IReadOnlyList<MeasureItem> Measures,
    bool Emergency,
    InabilityReason? InabilityReason = null,
    VictimWishes? VictimWishes = null,
    DateOnly? ReceivedOn = null,
    DateOnly? IncidentDay = null)
{
    public const int NameMaxLength = 100;
    public const int TextMaxLength = 4000;
    public const int AddressMaxLength = 500;

    /// <summary>Every problem, the dates judged against <paramref name="today"/> (Beijing).</summary>
    public IReadOnlyList<LegalProblem> Problems(DateOnly today)
    {
        var problems = new List<LegalProblem>();
        void Need(string field, string? value, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add(new(field, "required"));
            }
            else if (value.Trim().Length > max)
            {
                problems.Add(new(field, "legal.too-long"));
            }
        }

        if (ApplicantType is null)
        {
            problems.Add(new("applicantType", "required"));
        }

        Need("applicantName", ApplicantName, NameMaxLength);
        if (ApplicantType is { } type && type != Legal.ApplicantType.Victim)
        {
            Need("victimName", VictimName, NameMaxLength);
        }

        if (ApplicantType == Legal.ApplicantType.CloseRelative)
        {
            Need("applicantRelation", ApplicantRelation, NameMaxLength);
        }

        // ADVL Art 23, SPC 2022 Art 2: a proxy only when she cannot apply, and (old age, disability, illness) as she wishes.
        if (ApplicantType is { } applicant)
        {
            problems.AddRange(ApplicantStanding.Problems(applicant, InabilityReason, VictimWishes));
        }

        // Against whom and when: the relation and the day the court received it (WRPL 2022 Art 29 from 2023-01-01).
        problems.AddRange(ProtectionOrderEligibility.Problems(RespondentRelation, ReceivedOn ?? today, today, IncidentDay));

        // Art 27(1): an identified respondent.
        if (string.IsNullOrWhiteSpace(RespondentName))
        {
            problems.Add(new("respondentName", "legal.art27-respondent"));
        }
        else if (RespondentName.Trim().Length > NameMaxLength)
        {
            problems.Add(new("respondentName", "legal.too-long"));
        }

        if (string.IsNullOrWhiteSpace(RespondentIdNumber) && string.IsNullOrWhiteSpace(RespondentAddress))
        {
            problems.Add(new("respondentIdNumber", "legal.art27-respondent-identity"));
        }

        if (RespondentAddress?.Trim().Length > AddressMaxLength)
        {
            problems.Add(new("respondentAddress", "legal.too-long"));
        }

        // Art 27(2): a specific request.
        problems.AddRange(MeasureProblems("measures", Measures, "legal.art27-request"));

        // Art 27(3): violence suffered or a real danger, with the facts.
        if (Ground is null)
        {
            problems.Add(new("ground", "legal.art27-ground"));
        }

        if (string.IsNullOrWhiteSpace(Facts))
        {
            problems.Add(new("facts", "legal.art27-facts"));
        }
        else if (Facts.Trim().Length > TextMaxLength)
        {
            problems.Add(new("facts", "legal.too-long"));
        }

        return problems;
    }

    /// <summary>At least one measure, no code twice, and "other" (255) only with a description.</summary>
    public static IEnumerable<LegalProblem> MeasureProblems(string field, IReadOnlyList<MeasureItem>? measures, string emptyCode)
    {
        if (measures is null || measures.Count == 0)
        {
            yield return new(field, emptyCode);
            yield break;
        }

        if (measures.Any(m => !Enum.IsDefined(m.Code)))
        {
            yield return new(field, "legal.measure-unknown");
        }

        if (measures.GroupBy(m => m.Code).Any(g => g.Count() > 1))
        {
            yield return new(field, "legal.measure-twice");
        }

        if (measures.Any(m => m.Code == ProtectionMeasure.Other && string.IsNullOrWhiteSpace(m.Text)))
        {
            yield return new(field, "legal.measure-other-text");
        }

        if (measures.Any(m => m.Text?.Trim().Length > MeasureItem.TextMaxLength))
        {
            yield return new(field, "legal.too-long");
        }
    }
}
