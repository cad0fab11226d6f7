namespace Lianhu.Web.Features.Notifications;

/// <summary>Settings under <c>Lianhu:Mail</c>. Mail is off (nothing staged, nothing sent) while <see cref="Host"/> is empty.</summary>
public sealed class MailOptions
{
    public const string Section = "Lianhu:Mail";

    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 25;

    public string From { get; set; } = "noreply@lianhu.invalid";

    /// <summary>STARTTLS after connecting (MailKit <c>SecureSocketOptions.StartTls</c>); false sends in plain SMTP.</summary>
    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The site's public address, for the link in a mail (e.g. <c>https://lianhu.example.cn/</c>).</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000/";

    /// <summary>The language of the mails: zh-CN (default) or en.</summary>
    public string Culture { get; set; } = "zh-CN";

    /// <summary>False switches the sender off on this node (tests run sweeps by hand).</summary>
    public bool Scanner { get; set; } = true;

    public double ScanSeconds { get; set; } = 10;

    public int BatchSize { get; set; } = 20;

    /// <summary>After this many failed attempts a mail is dead (shown to administrators, who may retry it).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; doubles on each failure up to <see cref="BackoffMaxSeconds"/>.</summary>
    public double BackoffSeconds { get; set; } = 30;

    public double BackoffMaxSeconds { get; set; } = 3600;

    public double TimeoutSeconds { get; set; } = 20;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
