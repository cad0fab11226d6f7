using System.Data.Common;
using System.Diagnostics;
using System.Security.Cryptography;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Features.Divisions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lianhu.Bench;

/// <summary>
/// The physical limit of the storage: the rows one 110 intake with a child writes (a case, its
/// intake, three persons, three party links, a timeline entry, four audit events — the case, its
/// two clocks and the visit task —, an idempotency record, two clocks — the next-day return call
/// and the minors' green channel — and the women's federation's return-visit task), 17 rows, with
/// values of the same size (sealed fields as envelopes of the same length, keyed hashes as 64 hex
/// characters), one transaction each, plain ADO.NET, at the same concurrency as the HTTP phase and
/// into the same database. Nothing is encrypted, validated, serialised or authenticated here.
/// On SQLite writers queue on one in-process gate, as the service's writers do (one writer at a
/// time is SQLite's rule; polling on SQLITE_BUSY would only measure the driver's back-off).
/// </summary>
public static class RawLoad
{
    private static readonly string[] ClockColumns =
    [
        "Id", "Amount", "BreachedAt", "CancelledAt", "CaseId", "ClaimExpiresAt", "ClaimOwner", "ClosedByUserId", "CompletedAt", "CreatedAt", "DueAt", "Emergency",
        "ExplanationEn", "ExplanationZh", "LastDay", "NextFireAt", "Outcome", "OwnerAgencyId", "Reading", "RemindedAt", "ReminderAt", "RuleId", "SourceEn", "SourceZh",
        "StartTimeKnown", "StartedAt", "StartedByUserId", "State", "SubjectId", "SubjectType", "Version",
    ];

    private static readonly string[] TaskColumns =
    [
        "Id", "CaseId", "Kind", "AgencyId", "AgencyType", "Tier", "Role", "RoutingCentreId", "Rule", "PolicyVersion", "Step", "ReasonZh", "ReasonEn", "ParentTaskId",
        "Status", "DueAt", "ClockId", "CreatedAt", "CreatedByUserId", "AcceptedAt", "StartedAt", "ClosedAt", "ClosedByUserId", "ClosingText", "RequestText", "UpdatedAt", "Version",
    ];

    private static readonly (string Table, string[] Columns, int Rows)[] Shape =
    [
        ("cases", ["Id", "Number", "Channel", "Summary", "DivisionCode", "LeadAgencyId", "Status", "CreatedByUserId", "CreatedAt", "UpdatedAt", "ClosedAt", "Version"], 1),
        ("case_intakes", ["CaseId", "OccurredAt", "Address", "AddressIndex", "Relationship", "ViolenceForms", "Injured", "InjuryDetails", "WeaponUsed", "WeaponDetails", "ChildrenPresent", "Needs", "ConsentGiven", "ReporterInstitution", "ReportedByAgencyId", "ReportedByUserId"], 1),
        ("persons", ["Id", "Name", "IdNumber", "IdNumberIndex", "Phone", "PhoneIndex", "BirthDate", "BirthDateIndex", "Sex", "NameKeyIndex", "MergedIntoId", "RootId", "MergeReason", "MergedAt", "MergedByUserId", "RecordedByAgencyId", "CreatedAt"], 3),
        ("case_parties", ["Id", "CaseId", "PersonId", "Role", "Position", "CreatedAt"], 3),
        ("case_events", ["Id", "CaseId", "At", "Kind", "Section", "AgencyId", "UserId", "Note", "Detail"], 1),
        ("audit_events", ["Id", "At", "UserId", "AgencyId", "Role", "Action", "EntityType", "EntityId", "Section", "Reason", "ClientAddress"], 4),
        ("idempotency_keys", ["Id", "UserId", "Key", "RequestHash", "StatusCode", "Location", "Response", "CreatedAt", "ExpiresAt"], 1),
        ("clocks", ClockColumns, 2),
        ("case_tasks", TaskColumns, 1),
    ];

    public static async Task RunAsync(Options options)
    {
        var postgres = options.Postgres;
        var connection = options.Get("connection");
        var concurrency = options.Int("concurrency", 16);
        var seconds = options.Int("seconds", 15);
        var city = DemoCity.Load(DivisionImporter.FileFor(DemoCity.City));
        var station = city.Accounts.First(a => a.Agency.Type == AgencyType.PoliceStation && a.Role == Role.Caseworker);
        var community = city.Agencies.First(a => a.Type == AgencyType.CommunityWorkstation && a.Division.Value.StartsWith(station.Agency.Division.Value, StringComparison.Ordinal)).Division.Value;
        var responseFile = options.Get("out") + ".response-bytes";
        var responseBytes = File.Exists(responseFile) ? int.Parse(File.ReadAllText(responseFile), System.Globalization.CultureInfo.InvariantCulture) : 2500;
        var context = new Context(postgres, station.Agency.Id, station.UserId, community, responseBytes);
        var cpu = new Cpu(null, options.Int("db-pid", 0) is > 0 and var d ? d : null);

        using var gate = new SemaphoreSlim(1, 1);
        var stats = new Stats();
        await WorkerAsync(postgres, connection, context, null, TimeSpan.FromSeconds(2), new Stats()); // warm-up: pools, plans, pages
        cpu.Start();
        var clock = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(() => WorkerAsync(postgres, connection, context, postgres ? null : gate, duration, stats))));
        var elapsed = clock.Elapsed.TotalSeconds;
        var result = new PhaseResult("raw", concurrency, elapsed, stats.Count, stats.Errors, stats.Count / elapsed, stats.Percentile(50), stats.Percentile(99), cpu.Stop());
        Console.WriteLine(result);
        result.Save(options.Get("out") + ".raw.json");
    }

    private sealed record Context(bool Postgres, Guid AgencyId, Guid UserId, string Community, int ResponseBytes);

    private static async Task WorkerAsync(bool postgres, string connectionString, Context context, SemaphoreSlim? gate, TimeSpan duration, Stats stats)
    {
        await using DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var commands = Shape.SelectMany(s => Enumerable.Range(0, s.Rows).Select(_ => (s.Table, s.Columns))).ToList();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var rows = Rows(context);
            var started = Stopwatch.GetTimestamp();
            if (gate is not null)
            {
                await gate.WaitAsync();
            }

            try
            {
                await using var tx = await connection.BeginTransactionAsync();
                if (connection is NpgsqlConnection pg)
                {
                    await using var batch = new NpgsqlBatch(pg, (NpgsqlTransaction)tx);
                    for (var i = 0; i < commands.Count; i++)
                    {
                        var command = new NpgsqlBatchCommand(Insert(commands[i].Table, commands[i].Columns, "$"));
                        foreach (var value in rows[i])
                        {
                            command.Parameters.Add(new NpgsqlParameter { Value = value });
                        }

                        batch.BatchCommands.Add(command);
                    }

                    await batch.ExecuteNonQueryAsync();
                }
                else
                {
                    for (var i = 0; i < commands.Count; i++)
                    {
                        await using var command = connection.CreateCommand();
                        command.Transaction = tx;
                        command.CommandText = Insert(commands[i].Table, commands[i].Columns, "@p");
                        for (var p = 0; p < rows[i].Length; p++)
                        {
                            command.Parameters.Add(new SqliteParameter("@p" + (p + 1), rows[i][p]));
                        }

                        await command.ExecuteNonQueryAsync();
                    }
                }

                await tx.CommitAsync();
                stats.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok: true);
            }
            catch (DbException e)
            {
                stats.Add(0, ok: false);
                await Console.Error.WriteLineAsync($"raw transaction failed: {e.Message}");
            }
            finally
            {
                gate?.Release();
            }
        }
    }

    private static string Insert(string table, string[] columns, string prefix) =>
        $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => prefix + (i + 1)))})";

    private static int numbers;

    /// <summary>One intake's rows, in <see cref="Shape"/> order, typed as the service stores them.</summary>
    private static List<object[]> Rows(Context c)
    {
        var now = DateTimeOffset.UtcNow;
        object Id(Guid g) => c.Postgres ? g : g.ToString().ToUpperInvariant();
        object At(DateTimeOffset t) => c.Postgres ? t : ((t.UtcTicks / 1000) << 11);
        object Bool(bool b) => c.Postgres ? b : b ? 1L : 0L;
        var caseId = Guid.CreateVersion7(now);
        var persons = Enumerable.Range(0, 3).Select(_ => Guid.CreateVersion7(now)).ToArray();
        var rows = new List<object[]>
        {
            new[] { Id(caseId), $"{now:yyyyMMdd}-R{Interlocked.Increment(ref numbers):X5}", "police-110", Sealed(138), c.Community, Id(c.AgencyId), "open", Id(c.UserId), At(now), At(now), DBNull.Value, 1 },
            new[] { Id(caseId), At(now.AddHours(-1)), Sealed(40), Hash(), "spouse", "physical,psychological", Bool(true), Sealed(12), Bool(false), DBNull.Value, Bool(true), "shelter,counselling", Bool(true), DBNull.Value, DBNull.Value, DBNull.Value },
        };
        for (var i = 0; i < 3; i++)
        {
            var withId = i < 2;
            rows.Add([
                Id(persons[i]), Sealed(6), withId ? Sealed(18) : DBNull.Value, withId ? Hash() : DBNull.Value, i == 0 ? Sealed(14) : DBNull.Value, i == 0 ? Hash() : DBNull.Value,
                Sealed(10), Hash(), i == 0 ? "female" : "male", Hash(), DBNull.Value, Id(persons[i]), DBNull.Value, DBNull.Value, DBNull.Value, Id(c.AgencyId), At(now)]);
        }

        for (var i = 0; i < 3; i++)
        {
            rows.Add([Id(Guid.CreateVersion7(now)), Id(caseId), Id(persons[i]), i switch { 0 => "victim", 1 => "respondent", _ => "child" }, i, At(now)]);
        }

        rows.Add([Id(Guid.CreateVersion7(now)), Id(caseId), At(now), "opened", "intake", Id(c.AgencyId), Id(c.UserId), DBNull.Value, "police-110"]);
        var clocks = new[] { Guid.CreateVersion7(now), Guid.CreateVersion7(now) };
        rows.Add([Id(Guid.CreateVersion7(now)), At(now), Id(c.UserId), Id(c.AgencyId), "caseworker", "case.create", "case", caseId.ToString(), DBNull.Value, DBNull.Value, "127.0.0.1"]);
        foreach (var clock in clocks)
        {
            rows.Add([Id(Guid.CreateVersion7(now)), At(now), Id(c.UserId), Id(c.AgencyId), "caseworker", "clock.start", "clock", clock.ToString(), DBNull.Value, DBNull.Value, "127.0.0.1"]);
        }

        var visitTask = Guid.CreateVersion7(now);
        rows.Add([Id(Guid.CreateVersion7(now)), At(now), Id(c.UserId), Id(c.AgencyId), "caseworker", "task.create", "task", visitTask.ToString(), $"case:{caseId:N}", DBNull.Value, "127.0.0.1"]);
        rows.Add([Id(Guid.CreateVersion7(now)), Id(c.UserId), Guid.NewGuid().ToString(), Hash(), 201, $"/api/v1/cases/{caseId}", Sealed(c.ResponseBytes), At(now), At(now.AddHours(24))]);
        foreach (var clock in clocks)
        {
            // Explanations as long as the engine writes them (about 190 characters in English, 110 in Chinese).
            rows.Add([
                Id(clock), 1, DBNull.Value, DBNull.Value, Id(caseId), DBNull.Value, DBNull.Value, DBNull.Value, DBNull.Value, At(now), At(now.AddDays(1)), Bool(false),
                new string('e', 190), new string('期', 110), DateOnly.FromDateTime(now.UtcDateTime.AddDays(1)), At(now.AddHours(28)), DBNull.Value, Id(c.AgencyId),
                "days-exclusive-start-no-rollover", DBNull.Value, At(now.AddHours(28)), "return-visit-after-110", new string('s', 55), new string('法', 20),
                Bool(true), At(now), Id(c.UserId), "pending", Id(caseId), "case", 1]);
        }

        // The women's federation's next-day call after a 110 alarm, a return-visit task carrying the first clock.
        rows.Add([
            Id(visitTask), Id(caseId), "return-visit", Id(c.AgencyId), "womens-federation", "town", DBNull.Value, Id(c.AgencyId), DBNull.Value, DBNull.Value, "follow-up",
            new string('访', 30), new string('r', 70), DBNull.Value, "created", At(now.AddDays(1)), Id(clocks[0]), At(now), Id(c.UserId), DBNull.Value, DBNull.Value, DBNull.Value,
            DBNull.Value, DBNull.Value, DBNull.Value, At(now), 1]);
        return rows;
    }

    /// <summary>An envelope as the field cipher writes it for a plaintext of this many UTF-8 bytes (a Chinese character is 3).</summary>
    private static string Sealed(int plaintextBytes) => "v1:0001:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12 + plaintextBytes + 16));

    private static string Hash() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
