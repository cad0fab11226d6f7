using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Intake;
using Lianhu.Web.Features.Persons;
using Lianhu.Web.Steps;

namespace Lianhu.Web.Features.Cases;

/// <summary>
/// A case as one caller inside it may see it: the header, the summary with the incident section,
/// and the intake masked field group by field group (<see cref="IntakeView.Mask"/>). Every path
/// that answers with a case — the read, the correction's answer — builds it here.
/// </summary>
public static class CaseView
{
    /// <summary>The case's version as an HTTP entity tag (for If-Match on PATCH).</summary>
    public static string ETag(int version) => $"\"{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"";

    public static async Task<(CaseDto Dto, IReadOnlyList<CaseSection> Shown)> LoadAsync(LianhuDbContext db, CaseContext inside, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(inside);
        var names = await CaseNames.LoadAsync(db, [inside.Case], ct);
        var dto = inside.Case.ToDto(names.Division(inside.Case.DivisionCode), names.Agency(inside.Case.LeadAgencyId), inside.Relation, inside.Grants);
        var shown = new SortedSet<CaseSection>();
        if (dto.Summary is not null)
        {
            shown.Add(CaseSection.Incident);
        }

        var intakeSections = IntakeView.Shown(inside.Grants).ToList();
        if (intakeSections.Count > 0)
        {
            dto = dto with { Intake = await IntakeView.LoadAsync(db, inside.Case, inside.User, inside.Grants, ct) };
            if (dto.Intake is not null)
            {
                shown.UnionWith(intakeSections);
            }
        }

        return (dto, [.. shown]);
    }

    /// <summary>Sections as the audit trail records them: <c>identity,contact,incident</c>; null for none.</summary>
    public static string? SectionList(IEnumerable<CaseSection> sections)
    {
        var list = string.Join(',', sections.Select(StableName.Of));
        return list.Length == 0 ? null : list;
    }
}
