namespace Lianhu.Domain.People;

/// <summary>
/// Scores whether two person records may describe the same person, so intake can show a worker
/// "this may be someone we already know" before a second record splits one family's history.
/// Pure: the answer depends only on the two records, the options, and the pinyin reader.
/// </summary>
public sealed class PersonNameMatcher
{
    private readonly PersonMatchingOptions _options;
    private readonly PersonNameReader _reader;
    private readonly NameComparison _comparison;

    public PersonNameMatcher(IPinyinReader pinyin, PersonMatchingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pinyin);
        _options = options ?? PersonMatchingOptions.Default;
        _reader = new PersonNameReader(pinyin, _options.CompoundSurnames);
        _comparison = new NameComparison(_options, _reader.CompoundSurnameLetters());
    }

    public NameMatch Compare(PersonCandidate left, PersonCandidate right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);

        var name = _comparison.Compare(_reader.Read(left.Name), _reader.Read(right.Name));
        var reasons = new List<string> { name.Code };
        if (name.OrderSwapped)
        {
            reasons.Add(NameMatchReasons.OrderSwapped);
        }

        var nameScore = name.Weight * (name.OrderSwapped ? _options.OrderSwappedFactor : 1m);
        var birth = CompareBirthDates(left.BirthDate, right.BirthDate);
        reasons.Add(birth.Code);

        var sexDiffers = left.Sex is { } a && right.Sex is { } b && a != b;
        if (sexDiffers)
        {
            reasons.Add(NameMatchReasons.DifferentSex);
        }

        var score = Math.Round(nameScore * birth.Factor * (sexDiffers ? _options.DifferentSexFactor : 1m), 4);
        return new NameMatch(score, reasons, IsSuggestion(name, nameScore, birth.Code, score));
    }

    /// <summary>
    /// Candidate keys for finding possible matches of a name in a large table without comparing
    /// every pair ("blocking"): the tone-less pinyin letters in written order first (张伟, 張偉, 章伟
    /// and "Zhang Wei" all give <c>zhangwei</c>), then the swapped orders. Store the first key of
    /// each record; look up with all keys of the query. Names that only match as
    /// <c>name.pinyin-near</c> need the same birth date anyway, so blocking by birth date finds them.
    /// </summary>
    public IReadOnlyList<string> BlockingKeys(string? name) => _comparison.Keys(_reader.Read(name));

    /// <summary>
    /// A name signal is required. Known, different birth dates rule a pair out; the same birth
    /// date lets any name signal through; with no comparable birth dates only a strong name
    /// (exact, variant, same-order Latin) may be suggested.
    /// </summary>
    private bool IsSuggestion(NameSignal name, decimal nameScore, string birth, decimal score) =>
        name.IsMatch
        && birth != NameMatchReasons.DifferentBirthDate
        && (birth == NameMatchReasons.SameBirthDate || nameScore >= _options.StrongNameThreshold)
        && score >= _options.SuggestionThreshold;

    private (string Code, decimal Factor) CompareBirthDates(DateOnly? left, DateOnly? right) => (left, right) switch
    {
        ({ } a, { } b) when a == b => (NameMatchReasons.SameBirthDate, _options.SameBirthDateFactor),
        ({ }, { }) => (NameMatchReasons.DifferentBirthDate, _options.DifferentBirthDateFactor),
        _ => (NameMatchReasons.UnknownBirthDate, _options.UnknownBirthDateFactor),
    };
}
