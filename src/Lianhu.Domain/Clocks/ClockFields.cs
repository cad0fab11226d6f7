using System.Globalization;
using Lianhu.Domain.Common;

namespace Lianhu.Domain.Clocks;

/// <summary>
/// Field checks for the clock rule and holiday calendar files (read by <see cref="PolicyJson.ReadSnakeCase"/>):
/// each failure is a <see cref="ClockConfigurationException"/> naming the document and the field.
/// </summary>
internal static class ClockFields
{
    /// <summary>How <see cref="PolicyJson"/> reports a JSON error in <paramref name="document"/>.</summary>
    public static PolicyJson.ErrorAt ErrorsIn(string document) =>
        (path, problem, inner) => new ClockConfigurationException(document, path, problem, inner);

    public static T Required<T>(T? value, string document, string field)
        where T : class =>
        value ?? throw new ClockConfigurationException(document, field, "is required");

    public static int Required(int? value, string document, string field) =>
        value ?? throw new ClockConfigurationException(document, field, "is required");

    public static string RequiredText(string? value, string document, string field) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new ClockConfigurationException(document, field, "is required and must not be blank")
            : value;

    public static DateOnly Date(string? value, string document, string field)
    {
        var text = RequiredText(value, document, field);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ClockConfigurationException(document, field, $"'{text}' is not a date in the form YYYY-MM-DD");
    }

    public static LocalizedText Text(PolicyJson.Bilingual? value, string document, string field)
    {
        var dto = Required(value, document, field);
        return new LocalizedText(
            RequiredText(dto.ZhCn, document, field + ".zh-CN"),
            RequiredText(dto.En, document, field + ".en"));
    }
}
