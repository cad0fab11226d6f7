using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Api;

/// <summary>
/// Collects field-level validation failures with localised reasons and turns them into one
/// RFC 9457 ValidationProblem (400). Field names are the JSON property names the caller sent.
/// </summary>
public sealed class FieldErrors(IStringLocalizer text)
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public bool Has(string field) => errors.ContainsKey(field);

    /// <summary>Adds the localised message <c>error.{code}</c> for a field.</summary>
    public FieldErrors Add(string field, string code, params object[] args)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            list = [];
            errors[field] = list;
        }

        list.Add(text[$"error.{code}", args].Value);
        return this;
    }

    public FieldErrors Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "required");
        }

        return this;
    }

    public FieldErrors MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, "max-length", max);
        }

        return this;
    }

    /// <summary>
    /// A name holds no control or format characters: bidirectional overrides (U+202E shows "王芳" as
    /// another reading), zero-width spaces and joiners make one person look like another or like no one.
    /// </summary>
    public FieldErrors PlainName(string field, string? value)
    {
        if (value is not null && value.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format))
        {
            Add(field, "text.invisible-characters");
        }

        return this;
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());

    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(
        ToDictionary(), title: text["error.validation-title"].Value, type: "https://tools.ietf.org/html/rfc9110#section-15.5.1");
}
