using System.Globalization;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Common;
using Lianhu.Domain.Legal;
using Lianhu.Web.Api;

namespace Lianhu.Web.Features.Legal;

/// <summary>A measure as sent: the SPC code and, for 255, the words.</summary>
public sealed record MeasureInput(int? Code, string? Text);

/// <summary>Reads the legal requests' fields into domain values, or into field errors.</summary>
public static class LegalInput
{
    public static TEnum? Enum<TEnum>(FieldErrors errors, string field, string? value, bool required = true)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, "required");
            }

            return null;
        }

        if (StableName.TryParse<TEnum>(value.Trim(), out var parsed))
        {
            return parsed;
        }

        errors.Add(field, "unknown-value", string.Join(", ", StableName.All<TEnum>()));
        return null;
    }

    public static List<MeasureItem> Measures(FieldErrors errors, string field, IReadOnlyList<MeasureInput>? input)
    {
        var items = new List<MeasureItem>();
        foreach (var m in input ?? [])
        {
            if (m.Code is not { } code || !System.Enum.IsDefined((ProtectionMeasure)code))
            {
                errors.Add(field, "legal.measure-unknown");
                continue;
            }

            items.Add(new MeasureItem((ProtectionMeasure)code, m.Text));
        }

        return items;
    }

    /// <summary>A day, <c>2026-09-01</c>.</summary>
    public static DateOnly? Day(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "required");
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(field, "legal.day-format");
        return null;
    }

    /// <summary>An instant as the clock endpoints read it (Beijing wall time without an offset); empty means now. Never in the future.</summary>
    public static DateTimeOffset? Instant(FieldErrors errors, string field, string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return now;
        }

        if (!ClockStart.TryParse(value.Trim(), out var start) || !start.HasTime)
        {
            errors.Add(field, "legal.instant-format");
            return null;
        }

        var instant = start.Instant!.Value.ToUniversalTime();
        if (instant > now + Clocks.StartClock.FutureTolerance)
        {
            errors.Add(field, "legal.in-future");
            return null;
        }

        return instant;
    }

    public static void Text(FieldErrors errors, string field, string? value, int max, bool required = true)
    {
        if (required)
        {
            errors.Required(field, value);
        }

        errors.MaxLength(field, value?.Trim(), max);
    }

    public static FieldErrors AddAll(this FieldErrors errors, IEnumerable<LegalProblem> problems)
    {
        foreach (var p in problems)
        {
            errors.Add(p.Field, p.Code);
        }

        return errors;
    }
}
