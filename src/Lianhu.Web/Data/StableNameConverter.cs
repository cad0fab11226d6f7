using Lianhu.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lianhu.Web.Data;

/// <summary>Stores enums as their stable kebab-case names, the same ids the API and config use.</summary>
public sealed class StableNameConverter<TEnum>()
    : ValueConverter<TEnum, string>(v => StableName.Of(v), v => StableName.Parse<TEnum>(v))
    where TEnum : struct, Enum;

public static class StableNameConverter
{
    public static void Register<TEnum>(ModelConfigurationBuilder builder)
        where TEnum : struct, Enum =>
        builder.Properties<TEnum>().HaveConversion<StableNameConverter<TEnum>>().HaveMaxLength(40);
}
