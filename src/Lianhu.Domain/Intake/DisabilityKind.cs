namespace Lianhu.Domain.Intake;

/// <summary>
/// A party's disability as recorded at intake, by the categories of the national disability
/// classification (GB/T 26341: 视力、听力、言语、肢体、智力、精神、多重); <see cref="Unspecified"/>
/// when the worker knows of a disability but not its kind. Health data: stored encrypted.
/// </summary>
public enum DisabilityKind
{
    Unspecified,
    Visual,
    Hearing,
    Speech,
    Physical,
    Intellectual,
    Mental,
    Multiple,
}
