using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Lianhu.Web.Data;

/// <summary>
/// The model holds the field-encryption converters, which hold a key ring; so the model is cached
/// per key ring (several hosts in one process, as in tests, may use different rings).
/// </summary>
public sealed class LianhuModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is LianhuDbContext lianhu ? (context.GetType(), lianhu.Cipher.KeyRingPath, designTime) : (context.GetType(), designTime);
}
