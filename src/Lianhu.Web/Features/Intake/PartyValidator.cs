using System.Globalization;
using Lianhu.Domain.Common;
using Lianhu.Domain.Intake;
using Lianhu.Domain.People;
using Lianhu.Web.Api;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Persons;

namespace Lianhu.Web.Features.Intake;

/// <summary>
/// The parties of an intake, each field named as sent (<c>parties[1].idNumber</c>): role, name,
/// resident ID (GB 11643, legacy 15 digits upgraded), phone, birth date and sex, which must agree
/// with the ID number; the same ID twice is refused, and each party needs a name, an ID or a phone.
/// </summary>
public static class PartyValidator
{
    public static List<ValidParty> Validate(IReadOnlyList<PartyInput?>? inputs, DateOnly today, int maxParties, FieldErrors errors)
    {
        var parties = new List<ValidParty>();
        if (inputs is null)
        {
            return parties;
        }

        if (inputs.Count > maxParties)
        {
            errors.Add("parties", "parties.too-many", maxParties);
            return parties;
        }

        var seenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var field = $"parties[{i}]";
            if (inputs[i] is not { } input)
            {
                errors.Add(field, "required");
                continue;
            }

            var role = IntakeFields.Enum<PartyRole>($"{field}.role", input.Role, errors);
            if (role is null && string.IsNullOrWhiteSpace(input.Role))
            {
                errors.Add($"{field}.role", "required");
            }

            errors.MaxLength($"{field}.name", input.Name?.Trim(), Person.NameMaxLength).PlainName($"{field}.name", input.Name);
            var id = IntakeFields.ParseId($"{field}.idNumber", input.IdNumber, today, errors);
            if (id is { } number)
            {
                if (seenIds.TryGetValue(number.Value, out var first))
                {
                    errors.Add($"{field}.idNumber", "party.duplicate-id", first);
                }
                else
                {
                    seenIds[number.Value] = i;
                }
            }

            var phone = IntakeFields.ParsePhone($"{field}.phone", input.Phone, errors);
            var birthDate = IntakeFields.ParseDate($"{field}.birthDate", input.BirthDate, today, errors);
            var sex = IntakeFields.Enum<Sex>($"{field}.sex", input.Sex, errors);
            if (id is { } withId)
            {
                if (birthDate is { } given && given != withId.BirthDate)
                {
                    errors.Add($"{field}.birthDate", "party.birth-date-mismatch", withId.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                if (sex is { } s && s != withId.Sex)
                {
                    errors.Add($"{field}.sex", "party.sex-mismatch", StableName.Of(withId.Sex));
                }
            }

            if (string.IsNullOrWhiteSpace(input.Name) && string.IsNullOrWhiteSpace(input.IdNumber) && string.IsNullOrWhiteSpace(input.Phone))
            {
                errors.Add($"{field}.name", "party.identity");
            }

            var disability = Disability(field, input, errors);
            if (role is { } r)
            {
                parties.Add(new ValidParty(i, r, new PersonDetails(input.Name?.Trim(), id, phone, id?.BirthDate ?? birthDate, id?.Sex ?? sex), disability));
            }
        }

        return parties;
    }

    /// <summary>A kind implies a disability; a kind with <c>disabled: false</c> contradicts itself.</summary>
    private static DisabilityKind? Disability(string field, PartyInput input, FieldErrors errors)
    {
        var kind = IntakeFields.Enum<DisabilityKind>($"{field}.disabilityKind", input.DisabilityKind, errors);
        if (input.Disabled == false && !string.IsNullOrWhiteSpace(input.DisabilityKind))
        {
            errors.Add($"{field}.disabilityKind", "party.disability-kind-without-disability");
            return null;
        }

        return kind ?? (input.Disabled == true ? DisabilityKind.Unspecified : null);
    }
}
