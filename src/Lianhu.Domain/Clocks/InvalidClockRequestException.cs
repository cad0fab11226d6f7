namespace Lianhu.Domain.Clocks;

/// <summary>
/// A caller asked for something the rule does not allow (unknown rule, 7 months of validity,
/// --emergency on a rule without an emergency period). An expected failure of user input: the web
/// layer maps it to a 400/422 ProblemDetails and the CLI to a non-zero exit, both showing
/// <see cref="Exception.Message"/>; <see cref="Code"/> is stable for tests and translations.
/// </summary>
public sealed class InvalidClockRequestException : Exception
{
    public InvalidClockRequestException(string code, string message)
        : base(message) => Code = code;

    public InvalidClockRequestException()
        : this("clock.invalid-request", "The clock request is invalid.")
    {
    }

    public InvalidClockRequestException(string message)
        : this("clock.invalid-request", message)
    {
    }

    public InvalidClockRequestException(string message, Exception innerException)
        : base(message, innerException) => Code = "clock.invalid-request";

    /// <summary>e.g. <c>clock.unknown-rule</c>, <c>clock.amount-out-of-range</c>.</summary>
    public string Code { get; }
}
