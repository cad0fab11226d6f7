using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace Lianhu.Web.Tests.Infrastructure;

/// <summary>
/// A small real SMTP server on 127.0.0.1 (a free port) that keeps every message it accepts: enough
/// of RFC 5321 for an SMTP client such as MailKit's (EHLO/HELO, MAIL FROM, RCPT TO, DATA,
/// RSET, NOOP, QUIT). While <see cref="Down"/> it answers every connection with
/// <c>421 service not available</c>, like a mail server that is down for maintenance.
/// </summary>
public sealed partial class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;

    public SmtpSink()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync();
    }

    public int Port { get; }

    private volatile bool down;

    public bool Down
    {
        get => down;
        set => down = value;
    }

    public ConcurrentQueue<SmtpSinkMessage> Messages { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
        try
        {
            if (Down)
            {
                await writer.WriteLineAsync("421 sink down, try again later");
                return;
            }

            await writer.WriteLineAsync("220 sink.test ESMTP ready");
            string? from = null;
            var to = new List<string>();
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                    case "HELO":
                        await writer.WriteLineAsync("250 sink.test");
                        break;
                    case "MAIL":
                        from = Address(line);
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        to.Add(Address(line));
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        Messages.Enqueue(SmtpSinkMessage.Parse(from ?? string.Empty, [.. to], data.ToString()));
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "RSET":
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 command not implemented");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // the client went away or the sink is stopping
        }
    }

    private static string Address(string line) => AddressPattern().Match(line) is { Success: true } m ? m.Groups[1].Value : string.Empty;

    [GeneratedRegex("<([^>]*)>")]
    private static partial Regex AddressPattern();
}

/// <summary>One accepted message: envelope, headers, and the decoded subject and text body (decoded by MimeKit, as a mail client would).</summary>
public sealed record SmtpSinkMessage(string From, IReadOnlyList<string> To, IReadOnlyDictionary<string, string> Headers, string Subject, string Body, string Raw)
{
    public static SmtpSinkMessage Parse(string from, IReadOnlyList<string> to, string raw)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(raw));
        var message = MimeMessage.Load(stream);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in message.Headers)
        {
            headers[header.Field] = header.Value;
        }

        foreach (var header in message.Body?.Headers ?? [])
        {
            headers[header.Field] = header.Value;
        }

        return new SmtpSinkMessage(from, to, headers, message.Subject ?? string.Empty, message.TextBody ?? string.Empty, raw);
    }
}
