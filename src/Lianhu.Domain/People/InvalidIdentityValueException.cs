namespace Lianhu.Domain.People;

/// <summary>
/// Thrown by <c>Parse</c> on an identity value (resident ID, phone) that is malformed.
/// Callers handling user input should prefer <c>TryParse</c>; <see cref="Code"/> is the same
/// stable code <c>TryParse</c> reports.
/// </summary>
public sealed class InvalidIdentityValueException : FormatException
{
    public InvalidIdentityValueException(string code, string message)
        : base(message) => Code = code;

    public InvalidIdentityValueException()
        : this("identity.invalid", "The identity value is not valid.")
    {
    }

    public InvalidIdentityValueException(string message)
        : this("identity.invalid", message)
    {
    }

    public InvalidIdentityValueException(string message, Exception innerException)
        : base(message, innerException) => Code = "identity.invalid";

    public string Code { get; }
}
