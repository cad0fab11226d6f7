using Lianhu.Domain.Common;

namespace Lianhu.Domain.Organisation;

/// <summary>A member unit of the linkage mechanism, attached to one administrative division.</summary>
public sealed class Agency
{
    private Agency()
    {
        Name = string.Empty;
        DivisionCode = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public AgencyType Type { get; private set; }

    /// <summary>The division the agency serves; its tier is the agency's tier.</summary>
    public string DivisionCode { get; private set; }

    public Tier Tier { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>The duty mailbox notifications go to (an office address, not a person's); null when none is set.</summary>
    public string? DutyEmail { get; private set; }

    public static Agency Create(Guid id, string name, AgencyType type, DivisionCode division)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > 200)
        {
            throw new DomainRuleViolationException("agency.name", "An agency needs a name of 1–200 characters.");
        }

        if (!AgencyTypeCatalogue.AllowsTier(type, division.Tier))
        {
            throw new DomainRuleViolationException("agency.tier", $"A {StableName.Of(type)} cannot sit at the {StableName.Of(division.Tier)} tier.");
        }

        return new Agency { Id = id, Name = trimmed, Type = type, DivisionCode = division.Value, Tier = division.Tier, IsActive = true };
    }

    public void Rename(string name)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > 200)
        {
            throw new DomainRuleViolationException("agency.name", "An agency needs a name of 1–200 characters.");
        }

        Name = trimmed;
    }

    /// <summary>Sets or clears (null or blank) the duty address; anything but one bare address throws.</summary>
    public void SetDutyEmail(string? email)
    {
        if (!EmailAddress.TryNormalize(email, out var address))
        {
            throw new DomainRuleViolationException("agency.duty-email", "A duty e-mail is one plain address of at most 254 characters.");
        }

        DutyEmail = address;
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
