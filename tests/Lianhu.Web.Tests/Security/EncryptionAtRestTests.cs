using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Cli;
using Lianhu.Web.Data;
using Lianhu.Web.Security;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Security;

/// <summary>What is entered through the API is not readable in the database without the key ring.</summary>
public abstract class EncryptionAtRestTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    [ProviderFact]
    public async Task CaseSummary_IsStoredSealed_AndReadsBackInClear()
    {
        var account = factory.Account(AgencyType.CommunityWorkstation, "440304");
        using var client = await factory.ClientAsAsync(account);
        var secret = $"住址 深圳市福田区某小区 电话 139{Random.Shared.Next(10000000, 99999999)}";
        var created = await (await client.PostAsJsonAsync("/api/v1/cases", new { channel = "walk-in", summary = secret, divisionCode = account.Agency.Division.Value }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();

        var raw = await RawSummaryAsync(id);
        raw.ShouldStartWith("v1:");
        raw.ShouldNotContain("139");
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}")).GetProperty("summary").GetString().ShouldBe(secret);

        if (factory.Provider == "sqlite")
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var bytes = await File.ReadAllBytesAsync(file);
            Encoding.UTF8.GetString(bytes).ShouldNotContain(secret[^11..]);
        }
    }

    [ProviderFact]
    public async Task AfterRotation_OldRowsRead_AndReencryptMovesThemToTheNewKey()
    {
        var account = factory.Account(AgencyType.CommunityWorkstation, "440305");
        using var client = await factory.ClientAsAsync(account);
        var created = await (await client.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", summary = "轮换前的记录", divisionCode = account.Agency.Division.Value }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var before = FieldCipher.KeyIdOf(await RawSummaryAsync(id))!;

        var newKey = FieldCipher.Rotate(factory.KeyRingPath);
        // A fresh cipher over the same ring sees the new key (the host's cipher loaded the ring once).
        var options = new DbContextOptionsBuilder<LianhuDbContext>();
        await using var scope = factory.Services.CreateAsyncScope();
        options.UseLianhuDatabase(scope.ServiceProvider.GetRequiredService<DatabaseOptions>());
        await using var db = new LianhuDbContext(options.Options, new FieldCipher(factory.KeyRingPath, createIfMissing: false));

        (await db.Cases.SingleAsync(c => c.Id == id)).Summary.ShouldBe("轮换前的记录");
        db.ChangeTracker.Clear();
        (await KeysCommand.Reencrypt(db, CancellationToken.None)).ShouldBeGreaterThan(0);

        var after = FieldCipher.KeyIdOf(await RawSummaryAsync(id));
        after.ShouldBe(newKey);
        after.ShouldNotBe(before);
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}")).GetProperty("summary").GetString().ShouldBe("轮换前的记录");
    }

    private async Task<string> RawSummaryAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Summary\" FROM cases WHERE \"Id\" = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = factory.Provider == "sqlite" ? id.ToString().ToUpperInvariant() : id;
        command.Parameters.Add(parameter);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}

public sealed class EncryptionAtRestTests_Sqlite(SqliteFactory factory) : EncryptionAtRestTests<SqliteFactory>(factory);

public sealed class EncryptionAtRestTests_Postgres(PostgresFactory factory) : EncryptionAtRestTests<PostgresFactory>(factory), IPostgresTests;

/// <summary>The data-protection key ring in the database is sealed with the field-encryption keys.</summary>
public sealed class DataProtectionKeysAreSealedTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task StoredKeys_AreEncrypted_AndTokensStillWork()
    {
        var account = factory.Account(AgencyType.Court, "440306");
        using var client = await factory.ClientAsAsync(account);
        (await client.GetAsync("/api/v1/cases")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);

        await using var scope = factory.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<LianhuDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync();
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(k => k.Xml.Contains("encryptedKey") && k.Xml.Contains("v1:") && !k.Xml.Contains("<masterKey"));
    }
}
