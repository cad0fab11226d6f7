namespace Lianhu.Domain.Legal;

/// <summary>How a document reached its recipient.</summary>
public enum DeliveryMethod
{
    InPerson,
    Post,

    /// <summary>Through this platform or another electronic channel (e.g. an order pushed to the police the moment it is issued).</summary>
    Electronic,
}
