using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Features.Notifications;

/// <summary>A host whose mail goes to its own <see cref="SmtpSink"/>; sweeps run by hand and reach every due mail, retries due at once, dead after three attempts.</summary>
public interface IMailFactory
{
    SmtpSink Sink { get; }

    const int MaxAttempts = 3;

    static IEnumerable<KeyValuePair<string, string?>> SettingsFor(SmtpSink sink) =>
    [
        new("Lianhu:Mail:Host", "127.0.0.1"),
        new("Lianhu:Mail:Port", sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Lianhu:Mail:From", "noreply@lianhu.test"),
        new("Lianhu:Mail:BaseUrl", "https://lianhu.test/"),
        new("Lianhu:Mail:Scanner", "false"),
        new("Lianhu:Mail:BackoffSeconds", "0"),
        new("Lianhu:Mail:MaxAttempts", MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Lianhu:Mail:TimeoutSeconds", "10"),
        new("Lianhu:Mail:BatchSize", "500"), // one sweep is one attempt for every due mail, so tests can count attempts
    ];
}

public sealed class MailSqliteFactory : SqliteFactory, IMailFactory
{
    public SmtpSink Sink { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => IMailFactory.SettingsFor(Sink);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Sink.DisposeAsync();
    }
}

public sealed class MailPostgresFactory : PostgresFactory, IMailFactory
{
    public SmtpSink Sink { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => IMailFactory.SettingsFor(Sink);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Sink.DisposeAsync();
    }
}
