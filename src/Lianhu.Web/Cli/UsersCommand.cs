using System.CommandLine;
using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Hosting;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Cli;

/// <summary>
/// <c>lianhu users add --username U --display-name N --agency ID --role R [--role R2]</c>: creates
/// a staff account from the server console — how the first administrator of a new installation is
/// made. The password is read from the LIANHU_NEW_PASSWORD environment variable or standard input,
/// never from the command line (it would land in shell history and process lists).
/// </summary>
public static class UsersCommand
{
    public static Command Create()
    {
        var username = new Option<string>("--username") { Required = true, Description = "Sign-in name" };
        var displayName = new Option<string>("--display-name") { Required = true, Description = "Name shown to colleagues" };
        var agency = new Option<Guid>("--agency") { Required = true, Description = "Agency id" };
        var roles = new Option<string[]>("--role") { Required = true, AllowMultipleArgumentsPerToken = false, Description = $"Role: {string.Join(", ", StableName.All<Role>())}" };
        var add = new Command("add", "Create a staff account") { TreatUnmatchedTokensAsErrors = false };
        add.Options.Add(username);
        add.Options.Add(displayName);
        add.Options.Add(agency);
        add.Options.Add(roles);
        add.SetAction(async (result, ct) =>
        {
            var password = Environment.GetEnvironmentVariable("LIANHU_NEW_PASSWORD") ?? (await Console.In.ReadLineAsync(ct))?.Trim();
            if (string.IsNullOrEmpty(password))
            {
                await Console.Error.WriteLineAsync("Give the password in LIANHU_NEW_PASSWORD or on standard input.");
                return 2;
            }

            await using var app = LianhuHost.Build(LianhuCli.HostArgs(result), result.GetValue(LianhuCli.Demo));
            await LianhuHost.PrepareDatabaseAsync(app.Services, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var agencyId = result.GetValue(agency);
            var found = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId, ct);
            if (found is null)
            {
                await Console.Error.WriteLineAsync($"No agency {agencyId}.");
                return 2;
            }

            var roleNames = result.GetValue(roles) ?? [];
            foreach (var name in roleNames)
            {
                if (!StableName.TryParse<Role>(name, out var role) || !AgencyTypeCatalogue.AllowsRole(found.Type, role))
                {
                    await Console.Error.WriteLineAsync($"Role '{name}' is not available in a {StableName.Of(found.Type)}.");
                    return 2;
                }
            }

            // An operator on the machine creates accounts directly (no second administrator; ADR 0024),
            // but never one that both administers and reads cases or the audit trail.
            if (RoleSeparation.Conflicts(roleNames.Select(StableName.Parse<Role>)))
            {
                await Console.Error.WriteLineAsync("A sysadmin account cannot also be a caseworker, supervisor or auditor (separation of duties).");
                return 2;
            }

            var user = new StaffUser
            {
                Id = Guid.CreateVersion7(),
                UserName = result.GetValue(username)!.Trim(),
                DisplayName = result.GetValue(displayName)!.Trim(),
                AgencyId = found.Id,
                LockoutEnabled = true,
                CreatedAt = TimeProvider.System.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors)
                {
                    await Console.Error.WriteLineAsync($"{error.Code}: {error.Description}");
                }

                return 1;
            }

            await users.AddToRolesAsync(user, roleNames);
            Console.WriteLine(user.Id);
            return 0;
        });

        var command = new Command("users", "Manage staff accounts");
        command.Subcommands.Add(add);
        return command;
    }
}
