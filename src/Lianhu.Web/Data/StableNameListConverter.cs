using Lianhu.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lianhu.Web.Data;

/// <summary>
/// Stores a small set of enum values as their stable names joined by commas (<c>physical,sexual</c>):
/// readable in the database, filterable with LIKE, the same ids the API and config use.
/// </summary>
public static class StableNameListConverter
{
    public static PropertyBuilder<IReadOnlyList<TEnum>> HasStableNames<TEnum>(this PropertyBuilder<IReadOnlyList<TEnum>> property, int maxLength)
        where TEnum : struct, Enum =>
        property.HasConversion(
                new ValueConverter<IReadOnlyList<TEnum>, string>(v => Join(v), v => Split<TEnum>(v)),
                new ValueComparer<IReadOnlyList<TEnum>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, e) => HashCode.Combine(h, e)), v => v.ToArray()))
            .HasMaxLength(maxLength)
            .IsRequired();

    private static string Join<TEnum>(IReadOnlyList<TEnum> values)
        where TEnum : struct, Enum => string.Join(',', values.Select(StableName.Of));

    private static TEnum[] Split<TEnum>(string text)
        where TEnum : struct, Enum => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(StableName.Parse<TEnum>)];
}
