using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Divisions;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Demo;

/// <summary>
/// Seeds the demo city: divisions of the whole city, the demo agencies and one account per role
/// per agency, all with the demo password. Idempotent. Refused on PostgreSQL, where demo
/// passwords must never exist.
/// </summary>
public sealed class DemoSeeder(
    LianhuDbContext db, DivisionImporter divisions, RoleSeeder roles, IPasswordHasher<StaffUser> hasher, ILookupNormalizer normalizer, TimeProvider time, ILogger<DemoSeeder> logger)
{
    public Task<int> SeedAsync(CancellationToken ct = default) =>
        db.Database.IsNpgsql()
            ? throw new InvalidOperationException("Demo accounts are refused on PostgreSQL: demo passwords exist only in demo mode on SQLite.")
            : SeedCityAsync(DemoCity.Password, markDemo: true, ct);

    /// <summary>
    /// Seeds the demo city's directory and accounts with the given password. Tests use it with
    /// <paramref name="markDemo"/> false so the same city exists on PostgreSQL too.
    /// </summary>
    public async Task<int> SeedCityAsync(string password, bool markDemo, CancellationToken ct = default)
    {
        var file = DivisionImporter.FileFor(DemoCity.City);
        await divisions.ImportAsync(file, ct);
        var city = DemoCity.Load(file);
        await roles.EnsureAsync(ct);

        var existingAgencies = await db.Agencies.Select(a => a.Id).ToHashSetAsync(ct);
        foreach (var agency in city.Agencies.Where(a => !existingAgencies.Contains(a.Id)))
        {
            var created = Agency.Create(agency.Id, agency.Name, agency.Type, agency.Division);
            created.SetDutyEmail(agency.DutyEmail);
            db.Agencies.Add(created);
        }

        await db.SaveChangesAsync(ct);

        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var existingUsers = await db.Users.Select(u => u.Id).ToHashSetAsync(ct);
        // One hash for all demo accounts: hashing is deliberately slow, and they share one password.
        var passwordHash = hasher.HashPassword(new StaffUser(), password);
        var added = 0;
        foreach (var account in city.Accounts.Where(a => !existingUsers.Contains(a.UserId)))
        {
            var user = new StaffUser
            {
                Id = account.UserId,
                UserName = account.Username,
                NormalizedUserName = normalizer.NormalizeName(account.Username),
                DisplayName = DemoTitle(account.Role),
                AgencyId = account.Agency.Id,
                PasswordHash = passwordHash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                IsDemo = markDemo,
                CreatedAt = time.GetUtcNow(),
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleIds[StableName.Of(account.Role)] });
            added++;
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo city seeded: {Agencies} agencies, {Added} new accounts", city.Agencies.Count, added);
        return added;
    }

    /// <summary>A demo account's name as the header shows it beside the unit: the post, in Chinese, marked as a demo.</summary>
    private static string DemoTitle(Lianhu.Domain.Access.Role role) => role switch
    {
        Lianhu.Domain.Access.Role.Caseworker => "办案人员（演示）",
        Lianhu.Domain.Access.Role.Supervisor => "负责人（演示）",
        Lianhu.Domain.Access.Role.Reporter => "报告人（演示）",
        Lianhu.Domain.Access.Role.Statistician => "统计人员（演示）",
        Lianhu.Domain.Access.Role.Auditor => "审计人员（演示）",
        _ => "系统管理员（演示）",
    };
}
