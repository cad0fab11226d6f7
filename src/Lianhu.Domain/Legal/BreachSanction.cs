namespace Lianhu.Domain.Legal;

/// <summary>The court's answer to a breach of an order (ADVL Art 34).</summary>
public enum BreachResponse
{
    /// <summary>Transferred for criminal liability (e.g. Criminal Law Art 313, refusing to execute a ruling; SPC 2022 Art 12).</summary>
    CriminalTransfer,

    /// <summary>训诫 — always, when the breach is not a crime; optionally with a fine and/or detention.</summary>
    Admonition,
}

/// <summary>
/// ADVL Art 34: "被申请人违反人身安全保护令，构成犯罪的，依法追究刑事责任；尚不构成犯罪的，人民法院应当给予训诫，
/// 可以根据情节给予一千元以下罚款、十五日以下拘留。" Either a transfer for criminal liability (no fine or
/// detention under Art 34 then), or an admonition with, optionally, a fine of at most 1,000 yuan and/or
/// detention of at most 15 days.
/// </summary>
public sealed record BreachSanction(BreachResponse Response, int? FineYuan, int? DetentionDays, string? CriminalBasis)
{
    public const string Article = "《中华人民共和国反家庭暴力法》第三十四条";
    public const int MaxFineYuan = 1000;
    public const int MaxDetentionDays = 15;
    public const int BasisMaxLength = 200;

    /// <summary>The default cited for a transfer: refusing to execute a judgment or ruling.</summary>
    public const string DefaultCriminalBasis = "《中华人民共和国刑法》第三百一十三条";

    /// <summary>Problems naming <c>response</c>, <c>fineYuan</c>, <c>detentionDays</c>, <c>criminalBasis</c>.</summary>
    public static IReadOnlyList<LegalProblem> Problems(BreachResponse? response, int? fineYuan, int? detentionDays, string? criminalBasis)
    {
        var problems = new List<LegalProblem>();
        if (response is null)
        {
            problems.Add(new("response", "legal.art34-response"));
            return problems;
        }

        if (response == BreachResponse.CriminalTransfer)
        {
            if (fineYuan is not null)
            {
                problems.Add(new("fineYuan", "legal.art34-crime-no-fine"));
            }

            if (detentionDays is not null)
            {
                problems.Add(new("detentionDays", "legal.art34-crime-no-fine"));
            }
        }
        else if (criminalBasis is not null)
        {
            problems.Add(new("criminalBasis", "legal.art34-basis-only-for-crime"));
        }

        if (fineYuan is { } fine && fine is < 1 or > MaxFineYuan)
        {
            problems.Add(new("fineYuan", "legal.art34-fine"));
        }

        if (detentionDays is { } days && days is < 1 or > MaxDetentionDays)
        {
            problems.Add(new("detentionDays", "legal.art34-detention"));
        }

        if (criminalBasis?.Trim().Length > BasisMaxLength)
        {
            problems.Add(new("criminalBasis", "legal.too-long"));
        }

        return problems;
    }

    /// <exception cref="Common.DomainRuleViolationException">What Art 34 does not allow (<c>legal.art34-*</c>).</exception>
    public static BreachSanction Decide(BreachResponse? response, int? fineYuan, int? detentionDays, string? criminalBasis)
    {
        var problems = Problems(response, fineYuan, detentionDays, criminalBasis);
        if (problems.Count > 0)
        {
            throw new Common.DomainRuleViolationException(problems[0].Code, $"ADVL Art 34 does not allow this sanction ({string.Join(", ", problems.Select(p => p.Field))}).");
        }

        var basis = response == BreachResponse.CriminalTransfer ? (string.IsNullOrWhiteSpace(criminalBasis) ? DefaultCriminalBasis : criminalBasis.Trim()) : null;
        return new(response!.Value, fineYuan, detentionDays, basis);
    }
}
