namespace Lianhu.Domain.Legal;

/// <summary>ADVL Art 27(3): the applicant has suffered domestic violence, or faces a real danger of it.</summary>
public enum ApplicationGround
{
    ViolenceSuffered,
    RealDanger,
}
