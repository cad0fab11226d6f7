namespace Lianhu.Domain.People;

public enum PhoneNumberKind
{
    Mobile,
    Landline,
}
