namespace Lianhu.Web.Features.Help;

/// <summary>The public door's settings (<c>Lianhu:Help</c>): how long a form must be held and may live, and the receipt lock.</summary>
public sealed class HelpOptions
{
    public const string Section = "Lianhu:Help";

    /// <summary>A report form sent sooner after it was served is refused as too fast (a person reads and types; a script does not).</summary>
    public int MinFormSeconds { get; set; } = 3;

    /// <summary>How long a served report form stays valid.</summary>
    public int FormMinutes { get; set; } = 120;

    /// <summary>Wrong secrets for one receipt before it is locked.</summary>
    public int MaxWrongSecrets { get; set; } = 5;

    /// <summary>How long a locked receipt answers "no match" whatever the secret.</summary>
    public int LockMinutes { get; set; } = 30;
}
