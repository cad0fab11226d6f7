using System.CommandLine;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Hosting;

namespace Lianhu.Web.Cli;

/// <summary>
/// <c>lianhu audit verify</c>: seals pending audit events, then checks the whole hash chain. Exit 0
/// when intact; exit 1 naming the first bad event when any sealed row was altered or removed, a row
/// was written without a valid MAC, or the anchor is missing, forged, older or ahead of the chain.
/// </summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var noSeal = new Option<bool>("--no-seal") { Description = "Only verify; do not seal pending events first" };
        var verify = new Command("verify", "Verify the audit hash chain") { TreatUnmatchedTokensAsErrors = false };
        var reAnchor = new Option<bool>("--re-anchor")
        {
            Description = "When everything but the anchor verifies (anchor lost, older, or from another key ring), write a new anchor at the head",
        };
        verify.Options.Add(noSeal);
        verify.Options.Add(reAnchor);
        verify.SetAction(async (result, ct) =>
        {
            await using var app = LianhuHost.Build(LianhuCli.HostArgs(result), result.GetValue(LianhuCli.Demo));
            await using var scope = app.Services.CreateAsyncScope();
            var sealedNow = result.GetValue(noSeal) ? 0 : await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync(ct: ct);
            var report = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(result.GetValue(reAnchor), ct);
            if (report.Break is { } broken)
            {
                var where = broken.ChainIndex > 0 ? $"chain index {broken.ChainIndex}" : "not sealed";
                await Console.Error.WriteLineAsync($"audit chain BROKEN at event {broken.EventId} ({where}): {broken.Reason}");
                return 1;
            }

            if (report.ReAnchored is { } overridden)
            {
                await Console.Error.WriteLineAsync($"audit anchor RE-WRITTEN at chain index {report.Sealed}; it was: {overridden}");
            }

            Console.WriteLine($"audit chain intact: {report.Sealed} events verified ({sealedNow} sealed now, {report.Pending} pending)");
            return 0;
        });
        var command = new Command("audit", "The audit trail");
        command.Subcommands.Add(verify);
        return command;
    }
}
