using Lianhu.Domain.Common;
using Lianhu.Web.Hosting;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Persons;

/// <summary>
/// The case page's merge, reject and unmerge buttons: plain form posts (antiforgery-checked,
/// cookie sign-in) that call the same handlers as the API and go back to the case's history.
/// </summary>
public static class PersonForms
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("/ui/persons").RequireAuthorization(Policies.Staff).ExcludeFromDescription();
        ui.MapPost("/{id:guid}/merge", async (Guid id, [FromForm] Guid caseId, [FromForm] Guid? into, [FromForm] string? decision, MergePerson.Handler handler, IStringLocalizer<MergePerson.Request> text, CancellationToken ct) =>
        {
            try
            {
                var (answer, errors) = await handler.HandleAsync(id, new MergePerson.Request(into, decision), text, ct);
                var notice = errors is not null ? "error.person.not-suggested" : answer is null ? "error.person.unknown" : answer.Decision == MergePerson.Reject ? "rejected" : "merged";
                return Back(caseId, notice);
            }
            catch (DomainRuleViolationException rule)
            {
                return Back(caseId, "error." + rule.Code);
            }
        }).NotACaseStep("a person record: PersonAccess limits it to records of cases the caller may see");
        ui.MapPost("/{id:guid}/unmerge", async (Guid id, [FromForm] Guid caseId, UnmergePerson.Handler handler, CancellationToken ct) =>
        {
            try
            {
                return Back(caseId, await handler.HandleAsync(id, ct) is null ? "error.person.unknown" : "unmerged");
            }
            catch (DomainRuleViolationException rule)
            {
                return Back(caseId, "error." + rule.Code);
            }
        }).NotACaseStep("a person record: PersonAccess limits it to records of cases the caller may see");
    }

    private static IResult Back(Guid caseId, string notice) => Results.LocalRedirect($"/cases/{caseId}?person={Uri.EscapeDataString(notice)}#history");
}
