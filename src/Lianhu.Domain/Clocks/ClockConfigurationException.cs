namespace Lianhu.Domain.Clocks;

/// <summary>
/// A holiday calendar or clock rule file is invalid. The message names the document and the JSON
/// field (e.g. <c>years[1].holidays[2].to</c>) so whoever edits the file can find the mistake; the
/// application must refuse to start rather than compute deadlines from bad data.
/// </summary>
public sealed class ClockConfigurationException : Exception
{
    public ClockConfigurationException(string document, string field, string problem, Exception? innerException = null)
        : base($"{document}: {field}: {problem}", innerException)
    {
        Document = document;
        Field = field;
    }

    public ClockConfigurationException()
        : this("(unknown)", "$", "invalid clock configuration")
    {
    }

    public ClockConfigurationException(string message)
        : base(message)
    {
        Document = "(unknown)";
        Field = "$";
    }

    public ClockConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Document = "(unknown)";
        Field = "$";
    }

    /// <summary>Name of the file or document that failed, e.g. <c>cn-public-holidays.json</c>.</summary>
    public string Document { get; }

    /// <summary>JSON path of the offending field, e.g. <c>years[0].adjusted_working_days[3]</c>.</summary>
    public string Field { get; }
}
