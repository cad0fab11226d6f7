using System.Globalization;
using Lianhu.Domain.Common;
using Lianhu.Domain.People;
using Lianhu.Web.Api;
using Lianhu.Web.Features.Intake;
using Lianhu.Web.Features.Persons;

namespace Lianhu.Web.Features.Cases;

/// <summary>Reads one intake field and, when it cannot, names it with the reason (the error codes of ADR 0007 and <c>error.*</c> strings).</summary>
public static class IntakeFields
{
    public static ResidentIdNumber? ParseId(string field, string? text, DateOnly today, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (ResidentIdNumber.TryParse(text, today, out var id, out var code, out var expected))
        {
            return id;
        }

        if (expected is { } c)
        {
            errors.Add(field, code, c.ToString());
        }
        else
        {
            errors.Add(field, code);
        }

        return null;
    }

    public static PhoneNumber? ParsePhone(string field, string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (PhoneNumber.TryParse(text, out var phone, out var code))
        {
            return phone;
        }

        errors.Add(field, code);
        return null;
    }

    public static DateOnly? ParseDate(string field, string? text, DateOnly today, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(field, "date.format");
            return null;
        }

        if (date > today)
        {
            errors.Add(field, "date.future");
            return null;
        }

        if (date.Year < 1900)
        {
            errors.Add(field, "date.too-early");
            return null;
        }

        return date;
    }

    public static T? Enum<T>(string field, string? text, FieldErrors errors)
        where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (StableName.TryParse<T>(text.Trim(), out var value))
        {
            return value;
        }

        errors.Add(field, "unknown-value", string.Join(", ", StableName.All<T>()));
        return null;
    }

    public static List<T> EnumList<T>(string field, IReadOnlyList<string?>? items, FieldErrors errors)
        where T : struct, System.Enum
    {
        var values = new List<T>();
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            if (Enum<T>($"{field}[{i}]", items![i], errors) is { } value && !values.Contains(value))
            {
                values.Add(value);
            }
        }

        return values;
    }
}
