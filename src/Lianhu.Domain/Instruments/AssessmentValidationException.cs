namespace Lianhu.Domain.Instruments;

/// <summary>
/// The answers given to an instrument cannot be scored (unknown item, judgement without reason,
/// too many unknown answers...). An expected failure: the web layer maps it to a 400/422
/// ProblemDetails with <see cref="Field"/> as the error key (e.g. <c>judgementReason</c>, <c>answers[25]</c>).
/// </summary>
public sealed class AssessmentValidationException : Exception
{
    public AssessmentValidationException(string field, string message)
        : base($"{field}: {message}")
    {
        Field = field;
        Reason = message;
    }

    public AssessmentValidationException()
        : this("$", "The assessment input is invalid.")
    {
    }

    public AssessmentValidationException(string message)
        : this("$", message)
    {
    }

    public AssessmentValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "$";
        Reason = message;
    }

    public string Field { get; }

    /// <summary>The message without the field prefix.</summary>
    public string Reason { get; }
}
