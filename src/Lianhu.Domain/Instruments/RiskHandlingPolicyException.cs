namespace Lianhu.Domain.Instruments;

/// <summary>The risk handling policy file is malformed or breaks a rule; <see cref="Field"/> names the field.</summary>
public sealed class RiskHandlingPolicyException : Exception
{
    public RiskHandlingPolicyException(string field, string message)
        : base($"{field}: {message}") => Field = field;

    public RiskHandlingPolicyException(string field, string message, Exception innerException)
        : base($"{field}: {message}", innerException) => Field = field;

    public RiskHandlingPolicyException()
        : this("$", "The risk handling policy is invalid.")
    {
    }

    public RiskHandlingPolicyException(string message)
        : this("$", message)
    {
    }

    public RiskHandlingPolicyException(string message, Exception innerException)
        : this("$", message, innerException)
    {
    }

    public string Field { get; }
}
