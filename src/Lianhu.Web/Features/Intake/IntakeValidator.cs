using System.Globalization;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Domain.Intake;
using Lianhu.Domain.Legal;
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
        var unlisted = false;
        if (rule is { IsMandatoryReport: true } && mode is IntakeMode.Received)
        {
            // Police record a report an institution made to them: which kind of institution it was. An employer
            // (or any body not named by a duty) is under no reporting duty: refused here, with the article.
            var named = request.ReporterInstitution?.Trim();
            unlisted = named is not null && MandatoryReporting.UnlistedReporters.Contains(named);
            reporterInstitution = unlisted ? null : IntakeFields.Enum<AgencyType>("reporterInstitution", request.ReporterInstitution, errors);
            if (reporterInstitution is null && !unlisted && !errors.Has("reporterInstitution"))
            {
                errors.Add("reporterInstitution", "required");
            }
            else if (reporterInstitution is { } type && !rule.Reporters.Contains(type))
            {
                unlisted = true;
                reporterInstitution = null;
            }
        }
        else if (mode is IntakeMode.FiledAsReporter)
        {
            reporterInstitution = user.AgencyType;
        }

        var parties = PartyValidator.Validate(request.Parties, today, options.Value.MaxParties, errors);
        var report = rule is { IsMandatoryReport: true } && (reporterInstitution is not null || unlisted)
            ? Report(request, rule, reporterInstitution, parties, today, errors)
            : null;

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
            ReportKind = report?.Decision.Kind,
            ReporterSealed = report?.Decision.ReporterSealed,
            ReportDuties = report is null ? [] : [.. report.Value.Decision.Duties.Select(d => d.Id)],
            VictimCapacity = report?.Capacity?.Capacity,
            CapacityBasis = report?.Capacity?.Basis,
        };
        return new ValidIntake(channel, rule, mode.Value, request.Summary!.Trim(), division.Value, lead, details, parties);
    }

    /// <summary>
    /// An institution's report: the victim's civil capacity (from the first victim's birth date where that decides
    /// it, Civil Code Arts 17–22), then mandatory or referral by the channel's duties (ADVL Art 14; WRPL 2022 Art 22;
    /// 高检发〔2020〕9号). Problems are named on the request's fields.
    /// </summary>
    private static (ReportDecision Decision, CapacityFinding? Capacity)? Report(
        OpenCase.Request request, IntakeChannelPolicy.ChannelRule rule, AgencyType? reporter, IReadOnlyList<ValidParty> parties, DateOnly today, FieldErrors errors)
    {
        var stated = IntakeFields.Enum<CivilCapacity>("victimCapacity", request.VictimCapacity, errors);
        var basis = IntakeFields.Enum<CapacityBasis>("capacityBasis", request.CapacityBasis, errors);
        if (errors.Has("victimCapacity") || errors.Has("capacityBasis"))
        {
            return null;
        }

        var problems = new List<LegalProblem>();
        var victim = parties.FirstOrDefault(p => p.Role == PartyRole.Victim);
        var capacity = CivilCapacityRule.Assess(victim?.Person.BirthDate, today, stated, basis, request.VictimLivesOnOwnLabour ?? false, problems);
        var minor = PartyAges.MinorInvolved(parties.Select(p => (p.Role, p.Person.BirthDate)), today);
        var decision = problems.Count > 0
            ? null
            : MandatoryReporting.Decide(reporter, rule.Duties, capacity?.Capacity, minor, request.SuspectedTrafficking ?? false, request.SealReporter ?? false, problems);
        foreach (var p in problems)
        {
            if (!errors.Has(p.Field))
            {
                errors.Add(p.Field, p.Code);
            }
        }

        return decision is null ? null : (decision, capacity);
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
