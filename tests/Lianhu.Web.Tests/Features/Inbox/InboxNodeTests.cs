using System.Collections.Concurrent;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Features.Tasks;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;


namespace Lianhu.Web.Tests.Features.Inbox;

/// <summary>
/// Several nodes on one PostgreSQL database: a push published on node A reaches the hub clients of
/// node B through NOTIFY / LISTEN (issue 6 item 6), carrying the kind and ids only.
/// </summary>
public sealed class InboxNodeTests(PostgresFactory factory) : IClassFixture<PostgresFactory>, IPostgresTests
{
    [ProviderFact]
    public async Task APushOnOneNode_ReachesTheClientsOfAnother_WithinASecond()
    {
        var recorder = new RecordingHub();
        using var nodeB = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IHubContext<InboxHub>>(recorder)));
        var listener = nodeB.Services.GetServices<IHostedService>().OfType<InboxListener>().Single();
        await listener.Listening.WaitAsync(TimeSpan.FromSeconds(10));

        var signal = InboxSignal.ForAgency(Guid.NewGuid(), "task.new", Guid.NewGuid(), Guid.NewGuid());
        await factory.Services.GetRequiredService<InboxPublisher>().PublishAsync([signal], CancellationToken.None);

        var deadline = DateTime.UtcNow.AddSeconds(1);
        while (recorder.Sent.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var (group, method, args) = recorder.Sent.ShouldHaveSingleItem();
        group.ShouldBe(signal.Group);
        method.ShouldBe(InboxHub.Method);
        var body = System.Text.Json.JsonSerializer.Serialize(args[0]);
        body.ShouldContain(signal.TaskId.ToString());
        body.ShouldContain("task.new");
    }

    private sealed class RecordingHub : IHubContext<InboxHub>, IHubClients
    {
        public ConcurrentQueue<(string Group, string Method, object?[] Args)> Sent { get; } = new();

        public IHubClients Clients => this;

        public IGroupManager Groups => throw new NotSupportedException();

        public IClientProxy All => Proxy("*");

        public IClientProxy AllExcept(IReadOnlyList<string> excludedConnectionIds) => Proxy("*");

        public IClientProxy Client(string connectionId) => Proxy(connectionId);

        IClientProxy IHubClients<IClientProxy>.Clients(IReadOnlyList<string> connectionIds) => Proxy("*");

        public IClientProxy Group(string groupName) => Proxy(groupName);

        public IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => Proxy(groupName);

        IClientProxy IHubClients<IClientProxy>.Groups(IReadOnlyList<string> groupNames) => Proxy("*");

        public IClientProxy User(string userId) => Proxy(userId);

        public IClientProxy Users(IReadOnlyList<string> userIds) => Proxy("*");

        private Recorder Proxy(string target) => new(this, target);

        private sealed class Recorder(RecordingHub hub, string target) : IClientProxy
        {
            public Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default)
            {
                hub.Sent.Enqueue((target, method, args));
                return Task.CompletedTask;
            }
        }
    }
}
