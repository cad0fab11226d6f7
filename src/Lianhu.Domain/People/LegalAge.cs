namespace Lianhu.Domain.People;

/// <summary>
/// Age in full years (周岁) on a date — the one definition behind "is a minor" (under 18, Civil Code
/// Art 17) and "is elderly" (60 and over, Elderly Rights Law Art 2) (ADR 0025).
/// <para>
/// 周岁 are counted by the Gregorian year, month and day and a full year is reached from the day
/// after the birthday: "'周岁'，按照公历的年、月、日计算，从周岁生日的第二天起算" (Supreme People's
/// Court, 法释〔2006〕1号 Art 2), in line with the Civil Code's rule that the first day of a period is
/// not counted (Art 201). So a person is still a minor on their 18th birthday and of age from the
/// next day. A birthday with no day of its own in the target year (29 February in a common year)
/// falls on the last day of that month (Civil Code Art 202: no corresponding day → the month's
/// last day): born 2008-02-29 → still a minor on 2026-02-28, of age on 2026-03-01.
/// </para>
/// </summary>
public static class LegalAge
{
    public const int Majority = 18;

    public const int Elderly = 60;

    /// <summary>The full years (周岁) completed on <paramref name="on"/>; 0 before the first.</summary>
    public static int FullYears(DateOnly born, DateOnly on)
    {
        if (on <= born)
        {
            return 0;
        }

        var years = on.Year - born.Year;
        // DateOnly.AddYears maps 29 February to 28 February in a common year (Art 202); the
        // anniversary itself does not count yet.
        if (born.AddYears(years) >= on)
        {
            years--;
        }

        return years;
    }

    public static bool IsMinorOn(DateOnly born, DateOnly on) => FullYears(born, on) < Majority;

    public static bool IsElderlyOn(DateOnly born, DateOnly on) => FullYears(born, on) >= Elderly;
}
