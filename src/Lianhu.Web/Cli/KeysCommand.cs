using System.CommandLine;
using Lianhu.Web.Data;
using Lianhu.Web.Hosting;
using Lianhu.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Cli;

/// <summary>
/// <c>lianhu keys init|rotate|reencrypt</c>: manage the field-encryption key ring (outside the
/// database). After <c>rotate</c>, new writes use the new key and old rows stay readable;
/// <c>reencrypt</c> rewrites every encrypted field under the active key.
/// </summary>
public static class KeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "Field-encryption key ring");
        command.Subcommands.Add(Verb("init", "Create the key ring if it does not exist", (cipher, _, _) =>
        {
            Console.WriteLine($"key ring {cipher.KeyRingPath}: active data key {cipher.ActiveKeyId}");
            return Task.FromResult(0);
        }, create: true));
        command.Subcommands.Add(Verb("rotate", "Add a new data key; new writes use it", (cipher, _, _) =>
        {
            var id = FieldCipher.Rotate(cipher.KeyRingPath);
            Console.WriteLine($"new active data key {id} in {cipher.KeyRingPath}; run 'lianhu keys reencrypt' to move old rows to it");
            return Task.FromResult(0);
        }, create: false));
        command.Subcommands.Add(Verb("reencrypt", "Rewrite every encrypted field under the active key", async (_, services, ct) =>
        {
            await LianhuHost.PrepareDatabaseAsync(services, ct);
            await using var scope = services.CreateAsyncScope();
            var count = await Reencrypt(scope.ServiceProvider.GetRequiredService<LianhuDbContext>(), ct);
            Console.WriteLine($"{count} rows re-encrypted");
            return 0;
        }, create: false));
        return command;
    }

    /// <summary>Loads every row that has encrypted fields and saves them again: the converter seals them with the active key.</summary>
    public static async Task<int> Reencrypt(LianhuDbContext db, CancellationToken ct)
    {
        var total = 0;
        foreach (var group in db.Model.EncryptedProperties().GroupBy(p => p.DeclaringType))
        {
            var clrType = group.Key.ClrType;
            var method = typeof(KeysCommand).GetMethod(nameof(ReencryptType), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(clrType);
            total += await (Task<int>)method.Invoke(null, [db, group.Select(p => p.Name).ToArray(), ct])!;
        }

        return total;
    }

    private static async Task<int> ReencryptType<T>(LianhuDbContext db, string[] properties, CancellationToken ct)
        where T : class
    {
        var count = 0;
        const int batch = 500;
        var key = db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties[0].Name; // "Id", or "CaseId" for a case's intake
        for (var skip = 0; ; skip += batch)
        {
            var rows = await db.Set<T>().OrderBy(e => EF.Property<object>(e, key)).Skip(skip).Take(batch).ToListAsync(ct);
            if (rows.Count == 0)
            {
                return count;
            }

            foreach (var row in rows)
            {
                foreach (var property in properties)
                {
                    db.Entry(row).Property(property).IsModified = true;
                }
            }

            count += rows.Count;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private static Command Verb(string name, string description, Func<FieldCipher, IServiceProvider, CancellationToken, Task<int>> action, bool create)
    {
        var command = new Command(name, description) { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(async (result, ct) =>
        {
            var args = LianhuCli.HostArgs(result);
            if (create)
            {
                args = [.. args, "--Lianhu:Encryption:CreateKeys=true"];
            }

            await using var app = LianhuHost.Build(args, result.GetValue(LianhuCli.Demo));
            var cipher = app.Services.GetRequiredService<FieldCipher>();
            if (create)
            {
                _ = cipher.ActiveKeyId; // loading creates the ring
            }

            return await action(cipher, app.Services, ct);
        });
        return command;
    }
}
