using System.Globalization;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Domain.Intake;
using Lianhu.Domain.Organisation;
using Lianhu.Domain.People;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Persons;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Intake;

/// <summary>
/// Checks an intake field by field and names each failure with its reason (<c>parties[1].idNumber</c>:
/// wrong check digit, expected X), then decides who receives it under the channel policy.
/// </summary>
public sealed class IntakeValidator(LianhuDbContext db, IntakeChannelPolicy policy, DirectoryCache directory, TimeProvider time, IOptions<IntakeOptions> options)
{
    public const int DetailsMaxLength = IntakeDetails.DetailsMaxLength;

    public async Task<ValidIntake?> ValidateAsync(OpenCase.Request request, CurrentUser user, FieldErrors errors, CancellationToken ct)
    {
        errors.Required("channel", request.Channel).Required("summary", request.Summary).Required("divisionCode", request.DivisionCode);
        errors.MaxLength("summary", request.Summary?.Trim(), Case.SummaryMaxLength);

        var channel = default(Channel);
        IntakeChannelPolicy.ChannelRule? rule = null;
        IntakeMode? mode = null;
        if (!string.IsNullOrWhiteSpace(request.Channel))
        {
            if (!StableName.TryParse(request.Channel.Trim(), out channel))
            {
                errors.Add("channel", "unknown-value", string.Join(", ", StableName.All<Channel>()));
            }
            else
            {
                rule = policy.For(channel);
                mode = policy.Allows(rule, user);
                if (mode is null)
                {
                    errors.Add("channel", IntakeChannelPolicy.IsReporterOnly(user) ? "channel.reporter-only" : "channel.not-for-agency", StableName.Of(user.AgencyType), string.Join(", ", rule.Receivers.Select(StableName.Of)));
                }
            }
        }

        var division = await ValidateDivisionAsync(request.DivisionCode, errors, ct);
        var now = time.GetUtcNow();
        var today = ChinaStandardTime.Today(time);
        var occurredAt = request.OccurredAt;
        if (occurredAt is { } at && at > now.AddMinutes(5))
        {
            errors.Add("occurredAt", "date.future");
        }
        else if (occurredAt is { } early && early.Year < 1900)
        {
            errors.Add("occurredAt", "date.too-early");
        }

        errors.MaxLength("address", request.Address?.Trim(), IntakeDetails.AddressMaxLength);
        var relationship = IntakeFields.Enum<Relationship>("relationship", request.Relationship, errors);
        var forms = IntakeFields.EnumList<ViolenceForm>("violenceForms", request.ViolenceForms, errors);
        var needs = IntakeFields.EnumList<Need>("needs", request.Needs, errors);
        errors.MaxLength("injuries", request.Injuries?.Details?.Trim(), DetailsMaxLength);
        errors.MaxLength("weapons", request.Weapons?.Details?.Trim(), DetailsMaxLength);

        AgencyType? reporterInstitution = null;
        if (rule is { IsMandatoryReport: true } && mode is IntakeMode.Received)
        {
            // Police record a report an institution made to them: which kind of institution it was.
            reporterInstitution = IntakeFields.Enum<AgencyType>("reporterInstitution", request.ReporterInstitution, errors);
            if (reporterInstitution is null && !errors.Has("reporterInstitution"))
            {
                errors.Add("reporterInstitution", "required");
            }
            else if (reporterInstitution is { } type && !rule.Reporters.Contains(type))
            {
                errors.Add("reporterInstitution", "unknown-value", string.Join(", ", rule.Reporters.Select(StableName.Of)));
            }
        }
        else if (mode is IntakeMode.FiledAsReporter)
        {
            reporterInstitution = user.AgencyType;
        }

        var parties = PartyValidator.Validate(request.Parties, today, options.Value.MaxParties, errors);

        var lead = user.AgencyId;
        if (mode is IntakeMode.FiledAsReporter or IntakeMode.SelfReported && rule is not null && division is { } place && !errors.Has("divisionCode"))
        {
            // The nearest active unit of a route-to type on the community's line: town before district before city.
            var receiver = await directory.NearestAsync(db, place, rule.RouteTo, ct);
            if (receiver is null)
            {
                errors.Add("divisionCode", "channel.no-receiver");
            }
            else
            {
                lead = receiver.Value;
            }
        }

        if (errors.Any || rule is null || mode is null || division is null)
        {
            return null;
        }

        var details = new IntakeDetails
        {
            OccurredAt = occurredAt?.ToUniversalTime(),
            Address = request.Address,
            Relationship = relationship,
            ViolenceForms = forms,
            Injured = request.Injuries?.Present,
            InjuryDetails = request.Injuries?.Details,
            WeaponUsed = request.Weapons?.Present,
            WeaponDetails = request.Weapons?.Details,
            ChildrenPresent = request.ChildrenPresent,
            Needs = needs,
            ConsentGiven = request.ConsentGiven,
            ReporterInstitution = reporterInstitution,
            ReportedByAgencyId = mode is IntakeMode.FiledAsReporter ? user.AgencyId : null,
            ReportedByUserId = mode is IntakeMode.FiledAsReporter ? user.UserId : null,
        };
        return new ValidIntake(channel, rule, mode.Value, request.Summary!.Trim(), division.Value, lead, details, parties);
    }

    private async Task<DivisionCode?> ValidateDivisionAsync(string? text, FieldErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DivisionCode.TryParse(text, out var division, out var code))
        {
            errors.Add("divisionCode", code);
            return null;
        }

        if (division.Tier != Tier.Community)
        {
            errors.Add("divisionCode", "division.not-community");
            return null;
        }

        if (!await directory.DivisionExistsAsync(db, division.Value, ct))
        {
            errors.Add("divisionCode", "division.unknown");
            return null;
        }

        return division;
    }
}
