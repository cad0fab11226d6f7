using System.Text;
using Lianhu.Web.Cli;
using Lianhu.Web.Data;
using Lianhu.Web.Security;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Features.Intake;

/// <summary>Names, ID numbers, phones, addresses and notes entered through the API are nowhere in the database in clear.</summary>
public abstract class IntakeEncryptionTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    [ProviderFact]
    public async Task NoIdNumberPhoneNameOrAddress_IsStoredInClear()
    {
        var station = factory.PoliceStation();
        using var client = await factory.ClientAsAsync(station);
        var id = TestIdentities.IdNumber(TestIdentities.BirthDate(), female: true);
        var (legacy, upgraded) = TestIdentities.Legacy(new DateOnly(1966, 4, 4));
        var phone = TestIdentities.Mobile();
        var landline = $"0755{Random.Shared.Next(20000000, 99999999)}";
        var address = $"宝安区西乡街道秘密小区{Random.Shared.Next(100, 999)}栋";
        var key = Guid.NewGuid().ToString();
        var body = new
        {
            channel = "police-110",
            summary = "报警记录",
            divisionCode = factory.CommunityOf(station),
            address,
            parties = new object[]
            {
                new { role = "victim", name = "欧阳娜娜", idNumber = id, phone },
                new { role = "respondent", name = "司马懿", idNumber = legacy, phone = landline },
            },
            injuries = "左眼眶淤血",
        };
        (await client.IntakeAsync(body, key)).EnsureSuccessStatusCode();
        (await client.IntakeAsync(body, key)).EnsureSuccessStatusCode(); // the stored answer too

        var everything = await AllTextAsync();
        foreach (var secret in new[] { id, id[..17], upgraded, legacy, phone, landline[4..], address, "欧阳娜娜", "司马懿", "左眼眶淤血" })
        {
            everything.ShouldNotContain(secret);
        }

        if (factory.Provider == "sqlite")
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var bytes = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file));
            bytes.ShouldNotContain(id[..17]);
            bytes.ShouldNotContain(phone);
        }
    }

    [ProviderFact]
    public async Task Reencrypt_AfterRotation_ReSealsIntakeAndPersonFields()
    {
        var station = factory.PoliceStation();
        using var client = await factory.ClientAsAsync(station);
        var created = await client.OpenAsync(new
        {
            channel = "police-110",
            summary = "轮换测试",
            divisionCode = factory.CommunityOf(station),
            address = "某地址 8 号",
            parties = new[] { new { role = "victim", name = "郑洁", birthDate = "1991-07-07" } },
        });
        var newKey = FieldCipher.Rotate(factory.KeyRingPath);
        var options = new DbContextOptionsBuilder<LianhuDbContext>();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            options.UseLianhuDatabase(scope.ServiceProvider.GetRequiredService<DatabaseOptions>());
        }

        await using (var db = new LianhuDbContext(options.Options, new FieldCipher(factory.KeyRingPath, createIfMissing: false)))
        {
            (await KeysCommand.Reencrypt(db, CancellationToken.None)).ShouldBeGreaterThan(0);
        }

        var everything = await AllTextAsync();
        everything.ShouldContain($"v1:{newKey}:");
        var read = await client.JsonAsync($"/api/v1/cases/{created.Id()}");
        read.GetProperty("intake").GetProperty("address").GetString().ShouldBe("某地址 8 号");
        read.GetProperty("intake").GetProperty("parties")[0].GetProperty("birthDate").GetString().ShouldBe("1991-07-07");
        read.GetProperty("intake").GetProperty("parties")[0].GetProperty("name").GetString().ShouldBe("郑洁");
    }

    /// <summary>Every column of every table, as text.</summary>
    private async Task<string> AllTextAsync()
    {
        var text = await DatabaseText.AllAsync(factory);
        text.Length.ShouldBeGreaterThan(1000);
        return text;
    }
}

public sealed class IntakeEncryptionTests_Sqlite(SqliteFactory factory) : IntakeEncryptionTests<SqliteFactory>(factory);

public sealed class IntakeEncryptionTests_Postgres(PostgresFactory factory) : IntakeEncryptionTests<PostgresFactory>(factory), IPostgresTests;
