namespace Lianhu.Domain.People;

/// <summary>Sex as recorded on identity documents (the resident ID encodes only these two).</summary>
public enum Sex
{
    Male,
    Female,
}
