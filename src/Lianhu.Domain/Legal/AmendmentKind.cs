namespace Lianhu.Domain.Legal;

/// <summary>ADVL Art 30: on application, an order in force may be extended, changed or revoked.</summary>
public enum AmendmentKind
{
    Extension,
    Change,
    Revocation,
}
