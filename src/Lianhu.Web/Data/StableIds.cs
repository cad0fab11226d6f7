using System.Security.Cryptography;
using System.Text;

namespace Lianhu.Web.Data;

/// <summary>Ids derived from a key (a version-8 UUID of its SHA-256): the same reference row gets the same id on every node and every seeding.</summary>
public static class StableIds
{
    public static Guid For(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("lianhu-demo:" + key));
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
