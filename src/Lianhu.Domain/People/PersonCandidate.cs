namespace Lianhu.Domain.People;

/// <summary>What is known about a person on one record when looking for the same person elsewhere.</summary>
/// <param name="Name">As written: Chinese characters (simplified or traditional) or Latin letters.</param>
public sealed record PersonCandidate(string Name, DateOnly? BirthDate = null, Sex? Sex = null);
