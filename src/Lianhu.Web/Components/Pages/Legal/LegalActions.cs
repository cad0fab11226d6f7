using Lianhu.Domain.Common;
using Lianhu.Web.Features.Legal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Components.Pages.Legal;

/// <summary>Runs a legal step from a form: field errors, a 403/404 or a 409 become messages; success returns true.</summary>
public static class LegalActions
{
    public sealed record Result(bool Ok, IReadOnlyDictionary<string, string[]>? Errors, string? Message);

    public static async Task<Result> RunAsync<T>(IStringLocalizer text, Func<Task<LegalOutcome<T>>> step)
        where T : class
    {
        try
        {
            var outcome = await step();
            if (outcome.Errors is { } problems)
            {
                return new(false, problems.ToDictionary(), null);
            }

            if (outcome.NotFound)
            {
                return new(false, null, text["status.404"]);
            }

            return outcome.Forbidden is { } code ? new(false, null, text["error." + code]) : new(true, null, null);
        }
        catch (DomainRuleViolationException ex)
        {
            return new(false, null, text["error." + ex.Code]);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(false, null, text["error.concurrency"]);
        }
    }
}
