using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Features.Intake;

/// <summary>
/// Dates no intake can have (year 1) and names carrying bidirectional or invisible format characters
/// (U+202E turns "王芳" into a different reading on screen) are refused, naming the field, in the caller's language.
/// </summary>
public abstract class IntakePlausibilityTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    [ProviderFact]
    public async Task AnImplausibleDate_AndANameWithBidiControls_AreRefused_NamingTheFields()
    {
        var station = factory.PoliceStation();
        using var client = await factory.ClientAsAsync(station, "en");
        var problem = await (await client.IntakeAsync(new
        {
            channel = "police-110",
            summary = "x",
            divisionCode = factory.CommunityOf(station),
            occurredAt = "0001-01-01T00:00:00Z",
            parties = new[] { new { role = "victim", name = "王\u202E芳", birthDate = "1850-01-01" }, new { role = "respondent", name = "李\u200B强", birthDate = "1980-05-05" } },
        })).ProblemAsync();

        problem.Error("occurredAt").ShouldContain("1900");
        problem.Error("parties[0].name").ShouldContain("invisible");
        problem.Error("parties[0].birthDate").ShouldContain("1900");
        problem.Error("parties[1].name").ShouldContain("invisible");
    }

    [ProviderFact]
    public async Task TheRefusal_IsInChinese_ForAChineseCaller()
    {
        var station = factory.PoliceStation();
        using var client = await factory.ClientAsAsync(station, "zh-CN");
        var problem = await (await client.IntakeAsync(new
        {
            channel = "police-110",
            summary = "x",
            divisionCode = factory.CommunityOf(station),
            parties = new[] { new { role = "victim", name = "王\u202E芳" } },
        })).ProblemAsync();

        problem.Error("parties[0].name").ShouldContain("不可见");
    }
}

public sealed class IntakePlausibilityTests_Sqlite(SqliteFactory factory) : IntakePlausibilityTests<SqliteFactory>(factory);

public sealed class IntakePlausibilityTests_Postgres(PostgresFactory factory) : IntakePlausibilityTests<PostgresFactory>(factory), IPostgresTests;
