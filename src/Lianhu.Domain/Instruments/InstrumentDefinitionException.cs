namespace Lianhu.Domain.Instruments;

/// <summary>
/// An instrument definition file is malformed or breaks a rule. <see cref="Field"/> is the JSON
/// path of the offending field (e.g. <c>items[3].weight</c>) and also starts the message.
/// </summary>
public sealed class InstrumentDefinitionException : Exception
{
    public InstrumentDefinitionException(string field, string message)
        : base($"{field}: {message}")
    {
        Field = field;
        Reason = message;
    }

    public InstrumentDefinitionException(string field, string message, Exception innerException)
        : base($"{field}: {message}", innerException)
    {
        Field = field;
        Reason = message;
    }

    public InstrumentDefinitionException()
        : this("$", "The instrument definition is invalid.")
    {
    }

    public InstrumentDefinitionException(string message)
        : this("$", message)
    {
    }

    public InstrumentDefinitionException(string message, Exception innerException)
        : this("$", message, innerException)
    {
    }

    public string Field { get; }

    /// <summary>The message without the field prefix.</summary>
    public string Reason { get; }
}
