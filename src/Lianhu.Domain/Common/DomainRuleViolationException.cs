namespace Lianhu.Domain.Common;

/// <summary>
/// Thrown when an aggregate is asked to make a move its rules forbid (an illegal transition).
/// The web layer maps it to a 409 ProblemDetails carrying <see cref="Code"/>, which is also the
/// key of the localised message.
/// </summary>
public sealed class DomainRuleViolationException : Exception
{
    public DomainRuleViolationException(string code, string message)
        : base(message) => Code = code;

    public DomainRuleViolationException()
        : this("domain.rule", "A domain rule was violated.")
    {
    }

    public DomainRuleViolationException(string message)
        : this("domain.rule", message)
    {
    }

    public DomainRuleViolationException(string message, Exception innerException)
        : base(message, innerException) => Code = "domain.rule";

    /// <summary>Stable machine-readable code, e.g. <c>case.already-closed</c>.</summary>
    public string Code { get; }
}
