using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Hosting;

/// <summary>Three nodes started at the same moment on an empty PostgreSQL database all come up, with one key ring (issue 17, ADR 0030).</summary>
public sealed class StartTogetherTests : IPostgresTests
{
    [ProviderFact]
    public async Task ThreeNodesStartedTogether_OnAnEmptyDatabase_AllComeUp_WithOneRoleSetAndOneKey()
    {
        var connectionString = PostgresServer.CreateDatabase("lianhu_together");
        Lianhu.Web.Security.FieldCipher.Rotate(Node.SharedKeys); // 'lianhu keys init', as a deployment does before its nodes start
        var nodes = Enumerable.Range(0, 3).Select(_ => new Node(connectionString)).ToList();
        try
        {
            // Each node runs the real start (migrate, roles, startup steps, key ring) at once.
            await Task.WhenAll(nodes.Select(n => Task.Run(() => n.Services)));

            await using (var scope = nodes[0].Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
                (await db.Roles.CountAsync()).ShouldBe(StableName.All<Role>().Count);
                (await db.DataProtectionKeys.CountAsync()).ShouldBe(1);
                await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedCityAsync(LianhuFactory.Password, markDemo: false);
            }

            // Every node signs in (a lazily made key would be made here, once per node) ...
            var account = nodes[0].City.Accounts.First(a => a.Role == Role.Caseworker).Username;
            var tokens = await Task.WhenAll(nodes.Select(n => TokenAsync(n, account)));
            await using (var scope = nodes[1].Services.CreateAsyncScope())
            {
                (await scope.ServiceProvider.GetRequiredService<LianhuDbContext>().DataProtectionKeys.CountAsync()).ShouldBe(1);
            }

            // ... and every node accepts every node's token.
            for (var issuer = 0; issuer < nodes.Count; issuer++)
            {
                for (var reader = 0; reader < nodes.Count; reader++)
                {
                    using var client = nodes[reader].CreateClient();
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens[issuer]);
                    (await client.GetAsync("/api/v1/cases?pageSize=1")).StatusCode.ShouldBe(HttpStatusCode.OK, $"token of node {issuer} on node {reader}");
                }
            }
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static async Task<string> TokenAsync(LianhuFactory node, string username)
    {
        using var client = node.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password = LianhuFactory.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    private sealed class Node(string connectionString) : LianhuFactory, IPostgresTests
    {
        public static readonly string SharedKeys = Path.Combine(Path.GetTempPath(), $"lianhu-test-keys-{Guid.NewGuid():N}");

        public override string Provider => "postgres";

        protected override string ConnectionString => connectionString;

        // The nodes of one deployment share the field-encryption key ring (it seals the data-protection keys).
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Lianhu:Encryption:KeyRingPath", SharedKeys)];
    }
}
