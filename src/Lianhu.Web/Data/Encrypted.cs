using System.Globalization;
using Lianhu.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lianhu.Web.Data;

/// <summary>Marks string properties that are stored encrypted (see <see cref="FieldCipher"/>).</summary>
public static class Encrypted
{
    public const string Annotation = "Lianhu:EncryptedPurpose";

    /// <summary>Marks a property read as <see cref="Unreadable"/> instead of throwing when its value cannot be decrypted.</summary>
    public const string TolerantAnnotation = "Lianhu:EncryptedTolerant";

    /// <summary>What a tolerant property reads as when it cannot be decrypted (forged, or another key ring's).</summary>
    public const string Unreadable = "\u0000unreadable";

    /// <summary>Stores the property encrypted; <paramref name="purpose"/> is bound into the ciphertext.</summary>
    public static PropertyBuilder<T> IsEncrypted<T>(this PropertyBuilder<T> property, string purpose) =>
        typeof(T) == typeof(string) || typeof(T) == typeof(DateOnly?) || typeof(T) == typeof(DateOnly)
            ? property.HasAnnotation(Annotation, purpose)
            : throw new ArgumentException("Only string and date properties can be encrypted.", nameof(property));

    /// <summary>
    /// Stores a string encrypted, and reads a value that cannot be decrypted as <see cref="Unreadable"/>
    /// rather than failing the whole query: for tables that must stay readable row by row even when a
    /// row was forged (the audit trail: the row's MAC then fails and verify names it).
    /// </summary>
    public static PropertyBuilder<string?> IsEncryptedTolerant(this PropertyBuilder<string?> property, string purpose) =>
        property.IsEncrypted(purpose).HasAnnotation(TolerantAnnotation, true);

    /// <summary>Applies the cipher to every marked property (after all configurations ran). Encrypted columns are unbounded text.</summary>
    public static void ApplyEncryption(this ModelBuilder builder, FieldCipher cipher)
    {
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            if (property.FindAnnotation(Annotation)?.Value is string purpose)
            {
                property.SetMaxLength(null);
                property.SetValueConverter((Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) == typeof(DateOnly)
                    ? (ValueConverter)new ValueConverter<DateOnly, string>(
                        v => cipher.Seal(v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), purpose),
                        v => DateOnly.ParseExact(cipher.Open(v, purpose), "yyyy-MM-dd", CultureInfo.InvariantCulture))
                    : property.FindAnnotation(TolerantAnnotation) is not null
                        ? new ValueConverter<string, string>(v => cipher.Seal(v, purpose), v => cipher.TryOpen(v, purpose) ?? Unreadable)
                        : new ValueConverter<string, string>(v => cipher.Seal(v, purpose), v => cipher.Open(v, purpose)));
            }
        }
    }

    /// <summary>The encrypted properties of the model (for the re-encrypt verb).</summary>
    public static IEnumerable<IProperty> EncryptedProperties(this IModel model) =>
        model.GetEntityTypes().SelectMany(t => t.GetProperties()).Where(p => p.FindAnnotation(Annotation) is not null);
}
