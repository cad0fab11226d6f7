using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Lianhu.Web.Data;

/// <summary>
/// Keeps the data-protection key ring (which signs cookies and bearer tokens) in the database, so
/// every node of a PostgreSQL deployment accepts every other node's tokens and restarts do not
/// sign everyone out. The EF package that does this does not restore here (see ADR 0003).
/// </summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
        return [.. db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKeyRow { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
