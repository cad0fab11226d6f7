using System.Globalization;
using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Common;
using Lianhu.Domain.Instruments;
using Lianhu.Domain.Intake;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Persons;
using Lianhu.Web.Identity;
using Lianhu.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Search;

/// <summary>
/// Case search (issue 14): one box that takes a case number, a party's resident ID number, phone,
/// name (pinyin, traditional or simplified, as the person index matches) or full address, and
/// filters by status, risk level, channel, lead agency, division, dates and overdue clocks.
/// <para>Scope is the WHERE clause (<see cref="CaseScope"/>); encrypted fields are matched only
/// through their blind indexes. A match on a party or a risk level counts only on cases where the
/// caller may read the section it reveals (identity, contact, risk — <see cref="CaseAccess"/>), so
/// a consent-limited body cannot learn who is on a case by searching for them. A search by person
/// or risk is audited as a read, without the search term.</para>
/// </summary>
public static class SearchCases
{
    public const int MaxPageSize = 100;
    public const int MaxTermLength = 200;

    /// <summary>At most this many candidates are weighed when a match must be checked per case; more says "refine".</summary>
    public const int MaxCandidates = 500;

    public static readonly string[] Sorts = ["newest", "oldest", "overdue"];

    /// <summary>
    /// The filters, every one optional and as typed (the query string, or a page's form), so a bad
    /// value becomes a field error in the user's language rather than a bare 400. Dates are
    /// Asia/Shanghai calendar days, inclusive, in any common Chinese writing (2026-09-01, 2026/9/1, 2026年9月1日).
    /// </summary>
    public sealed record Filter(
        string? Q = null,
        string? Status = null,
        string? Risk = null,
        string? Channel = null,
        string? Lead = null,
        string? Division = null,
        string? From = null,
        string? To = null,
        string? Overdue = null,
        string? Sort = null,
        string? Page = null,
        string? PageSize = null);

    /// <summary>One case found: the columns a list shows, each only when the caller may read it.</summary>
    public sealed record Hit(
        Guid Id,
        string Number,
        string Status,
        string Channel,
        string DivisionCode,
        string? DivisionName,
        Guid LeadAgencyId,
        string? LeadAgencyName,
        DateTimeOffset CreatedAt,
        string? RiskLevel,
        string? VictimName,
        bool Overdue,
        string? MatchedOn);

    public sealed record Result(IReadOnlyList<Hit> Items, int Page, int PageSize, int Total, bool Truncated);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/cases/search", ([AsParameters] Filter filter, Handler handler, CancellationToken ct) => handler.HandleAsync(filter, ct))
            .WithName("SearchCases")
            .WithTags("Cases")
            .WithSummary("Find cases you may see by number, a party's ID number, phone, name or address, and by status, risk, channel, lead agency, division, dates and overdue clocks");

    public sealed class Handler(
        LianhuDbContext db,
        CurrentUserAccessor current,
        CaseAccess access,
        PersonLookup lookup,
        PersonIndexer indexer,
        AuditTrail audit,
        DateDisplay dates,
        TimeProvider time,
        IStringLocalizer text)
    {
        public async Task<Results<Ok<Result>, ValidationProblem>> HandleAsync(Filter filter, CancellationToken ct)
        {
            var parsed = Parse(filter);
            if (parsed.Errors.Any)
            {
                return parsed.Errors.ToProblem();
            }

            return TypedResults.Ok(await SearchAsync(parsed, ct));
        }

        /// <summary>For pages: the same search, with the field errors handed back instead of a ProblemDetails.</summary>
        public async Task<(Result? Result, IReadOnlyDictionary<string, string[]> Errors)> SearchForPageAsync(Filter filter, CancellationToken ct)
        {
            var parsed = Parse(filter);
            return parsed.Errors.Any ? (null, parsed.Errors.ToDictionary()) : (await SearchAsync(parsed, ct), new Dictionary<string, string[]>());
        }

        private async Task<Result> SearchAsync(Parsed p, CancellationToken ct)
        {
            var user = current.Required;
            var now = time.GetUtcNow();
            var cases = db.Cases.AsNoTracking().VisibleTo(user);
            if (p.Status is { } status)
            {
                cases = cases.Where(c => c.Status == status);
            }

            if (p.Channel is { } channel)
            {
                cases = cases.Where(c => c.Channel == channel);
            }

            if (p.Lead is { } lead)
            {
                cases = cases.Where(c => c.LeadAgencyId == lead);
            }

            if (p.Division is { } division)
            {
                var prefix = division.ScopePrefix;
                cases = cases.Where(c => c.DivisionCode.StartsWith(prefix));
            }

            if (p.From is { } from)
            {
                cases = cases.Where(c => c.CreatedAt >= from);
            }

            if (p.Before is { } before)
            {
                cases = cases.Where(c => c.CreatedAt < before);
            }

            // What the term matched, and the section such a match reveals.
            var matched = new List<(IQueryable<Guid> Ids, string On, CaseSection? Section)>();
            if (p.Term is { } term)
            {
                if (Case.IsNumber(term))
                {
                    var number = term.ToUpperInvariant();
                    matched.Add((db.Cases.Where(c => c.Number == number).Select(c => c.Id), "number", null));
                }
                else
                {
                    var kind = lookup.Classify(term);
                    matched.Add((lookup.CasesOf(term), StableMatch(kind), PersonLookup.SectionOf(kind)));
                    if (kind == PersonMatch.Name && indexer.Address(term) is { } household && term.Length >= 6)
                    {
                        matched.Add((db.CaseIntakes.Where(i => i.AddressIndex == household).Select(i => i.CaseId), "address", CaseSection.Contact));
                    }
                }

                var any = matched[0].Ids;
                foreach (var more in matched.Skip(1))
                {
                    any = any.Union(more.Ids);
                }

                cases = cases.Where(c => any.Contains(c.Id));
            }

            var rows = cases.Select(c => new Row
            {
                Case = c,
                Risk = db.Assessments.Where(a => a.CaseId == c.Id).OrderByDescending(a => a.AssessedAt).Select(a => a.CommonLevel).FirstOrDefault(),
                Overdue = db.Clocks.Any(k => k.CaseId == c.Id && (k.State == ClockState.Breached
                    || ((k.State == ClockState.Pending || k.State == ClockState.Reminded) && k.DueAt < now))),
            });
            if (p.Risk is { } risk)
            {
                rows = rows.Where(r => r.Risk == risk);
            }

            if (p.Overdue is { } overdue)
            {
                rows = rows.Where(r => r.Overdue == overdue);
            }

            rows = p.Sort switch
            {
                "oldest" => rows.OrderBy(r => r.Case.CreatedAt).ThenBy(r => r.Case.Id),
                "overdue" => rows.OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Case.CreatedAt).ThenByDescending(r => r.Case.Id),
                _ => rows.OrderByDescending(r => r.Case.CreatedAt).ThenByDescending(r => r.Case.Id),
            };

            // A match on a party or a level is checked per case: only cases whose revealed section the caller may read count.
            var perCase = matched.Any(m => m.Section is not null) || p.Risk is not null;
            List<Row> page;
            int total;
            var truncated = false;
            Dictionary<Guid, string> matchedOn = [];
            if (perCase)
            {
                var candidates = await rows.Take(MaxCandidates + 1).ToListAsync(ct);
                truncated = candidates.Count > MaxCandidates;
                candidates = candidates.Take(MaxCandidates).ToList();
                var byMatch = new List<(HashSet<Guid> Ids, string On, CaseSection? Section)>();
                var candidateIds = candidates.Select(r => r.Case.Id).ToList();
                foreach (var m in matched)
                {
                    var ids = await m.Ids.Where(id => candidateIds.Contains(id)).ToListAsync(ct);
                    byMatch.Add((ids.ToHashSet(), m.On, m.Section));
                }

                var kept = new List<Row>();
                foreach (var row in candidates)
                {
                    if (p.Risk is not null && !access.CanRead(user, row.Case, CaseSection.Risk))
                    {
                        continue;
                    }

                    var on = byMatch.FirstOrDefault(m => m.Ids.Contains(row.Case.Id) && (m.Section is null || access.CanRead(user, row.Case, m.Section.Value)));
                    if (byMatch.Count > 0 && on.Ids is null)
                    {
                        continue;
                    }

                    if (on.On is { } how)
                    {
                        matchedOn[row.Case.Id] = how;
                    }

                    kept.Add(row);
                }

                if (p.Term is { } name && matched.Any(m => m.On == "name"))
                {
                    // Ranked: a victim or respondent whose name is exactly the term comes first.
                    var exact = await ExactNameCasesAsync(kept.Select(r => r.Case.Id).ToList(), name, ct);
                    kept = [.. kept.OrderByDescending(r => exact.Contains(r.Case.Id))];
                }

                total = kept.Count;
                page = kept.Skip((p.Page - 1) * p.PageSize).Take(p.PageSize).ToList();
                // A search by person or level is a read of what it reveals; the term itself is never recorded.
                var revealed = matched.Select(m => m.Section).OfType<CaseSection>().Concat(p.Risk is null ? [] : [CaseSection.Risk]).Distinct();
                audit.Record(user.AsActor(), AuditAction.CaseSearch, "case", null, string.Join(',', revealed.Select(StableName.Of)));
                await db.SaveChangesAsync(ct);
            }
            else
            {
                total = await rows.CountAsync(ct);
                page = await rows.Skip((p.Page - 1) * p.PageSize).Take(p.PageSize).ToListAsync(ct);
                if (matched.Count > 0)
                {
                    foreach (var row in page)
                    {
                        matchedOn[row.Case.Id] = "number";
                    }
                }
            }

            var items = await HitsAsync(user, page, matchedOn, ct);
            return new Result(items, p.Page, p.PageSize, total, truncated);
        }

        private async Task<HashSet<Guid>> ExactNameCasesAsync(List<Guid> caseIds, string name, CancellationToken ct)
        {
            var parties = await (from party in db.CaseParties
                                 join person in db.Persons on party.PersonId equals person.Id
                                 where caseIds.Contains(party.CaseId) && party.Role != PartyRole.Reporter
                                 select new { party.CaseId, person.Name }).ToListAsync(ct);
            var wanted = name.Trim();
            return parties.Where(x => string.Equals(x.Name?.Trim(), wanted, StringComparison.Ordinal)).Select(x => x.CaseId).ToHashSet();
        }

        private async Task<List<Hit>> HitsAsync(CurrentUser user, List<Row> rows, Dictionary<Guid, string> matchedOn, CancellationToken ct)
        {
            var names = await CaseNames.LoadAsync(db, rows.Select(r => r.Case).ToList(), ct);
            var withIdentity = rows.Where(r => access.CanRead(user, r.Case, CaseSection.Identity)).Select(r => r.Case.Id).ToList();
            var victims = withIdentity.Count == 0 ? [] : await (from party in db.CaseParties
                                                                join person in db.Persons on party.PersonId equals person.Id
                                                                where withIdentity.Contains(party.CaseId) && party.Role == PartyRole.Victim
                                                                orderby party.Position
                                                                select new { party.CaseId, person.Name }).ToListAsync(ct);
            var victimOf = victims.GroupBy(v => v.CaseId).ToDictionary(g => g.Key, g => string.Join("、", g.Select(v => v.Name).OfType<string>()));
            return [.. rows.Select(r => new Hit(
                r.Case.Id,
                r.Case.Number,
                StableName.Of(r.Case.Status),
                StableName.Of(r.Case.Channel),
                r.Case.DivisionCode,
                names.Division(r.Case.DivisionCode),
                r.Case.LeadAgencyId,
                names.Agency(r.Case.LeadAgencyId),
                r.Case.CreatedAt,
                r.Risk is { } level && access.CanRead(user, r.Case, CaseSection.Risk) ? StableName.Of(level) : null,
                victimOf.GetValueOrDefault(r.Case.Id) is { Length: > 0 } victim ? victim : null,
                r.Overdue,
                matchedOn.GetValueOrDefault(r.Case.Id)))];
        }

        private Parsed Parse(Filter f)
        {
            var errors = new FieldErrors(text);
            var term = string.IsNullOrWhiteSpace(f.Q) ? null : f.Q.Trim();
            errors.MaxLength("q", term, MaxTermLength).PlainName("q", term);
            CaseStatus? status = null;
            if (!string.IsNullOrWhiteSpace(f.Status))
            {
                if (StableName.TryParse<CaseStatus>(f.Status, out var s))
                {
                    status = s;
                }
                else
                {
                    errors.Add("status", "search.unknown-status");
                }
            }

            CommonRiskLevel? risk = null;
            if (!string.IsNullOrWhiteSpace(f.Risk))
            {
                if (StableName.TryParse<CommonRiskLevel>(f.Risk, out var r))
                {
                    risk = r;
                }
                else
                {
                    errors.Add("risk", "search.unknown-risk");
                }
            }

            Channel? channel = null;
            if (!string.IsNullOrWhiteSpace(f.Channel))
            {
                if (StableName.TryParse<Channel>(f.Channel, out var c))
                {
                    channel = c;
                }
                else
                {
                    errors.Add("channel", "search.unknown-channel");
                }
            }

            Guid? lead = null;
            if (f.Lead is { Length: > 0 } rawLead)
            {
                if (Guid.TryParse(rawLead, out var id))
                {
                    lead = id;
                }
                else
                {
                    errors.Add("lead", "search.bad-agency");
                }
            }

            DivisionCode? division = null;
            if (!string.IsNullOrWhiteSpace(f.Division))
            {
                if (DivisionCode.TryParse(f.Division.Trim(), out var d, out _))
                {
                    division = d;
                }
                else
                {
                    errors.Add("division", "search.bad-division");
                }
            }

            var from = Day(errors, "from", f.From);
            var to = Day(errors, "to", f.To);
            if (from is { } a && to is { } b && b < a)
            {
                errors.Add("to", "search.to-before-from");
            }

            bool? overdue = null;
            if (f.Overdue is { Length: > 0 } rawOverdue)
            {
                if (bool.TryParse(rawOverdue, out var o))
                {
                    overdue = o;
                }
                else
                {
                    errors.Add("overdue", "search.bad-flag");
                }
            }

            var sort = string.IsNullOrWhiteSpace(f.Sort) ? "newest" : f.Sort.Trim();
            if (!Sorts.Contains(sort))
            {
                errors.Add("sort", "search.unknown-sort");
            }

            var pageNumber = Number(errors, "page", f.Page, 1, 1, 100_000);
            var pageSize = Number(errors, "pageSize", f.PageSize, 20, 1, MaxPageSize);
            return new Parsed(
                errors,
                term,
                status,
                risk,
                channel,
                lead,
                division,
                from is { } start ? Start(start) : null,
                to is { } end ? Start(end.AddDays(1)) : null,
                overdue,
                sort,
                pageNumber,
                pageSize);
        }

        /// <summary>The first instant of a calendar day in the deployment's zone (Asia/Shanghai), in UTC (PostgreSQL stores instants as UTC).</summary>
        private DateTimeOffset Start(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), dates.Zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();

        private static DateOnly? Day(FieldErrors errors, string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (ChineseDates.TryParseDay(value, out var day) && day.Year is >= 1900 and <= 2999)
            {
                return day;
            }

            errors.Add(field, "search.bad-date");
            return null;
        }

        private static int Number(FieldErrors errors, string field, string? raw, int fallback, int min, int max)
        {
            if (raw is not { Length: > 0 })
            {
                return Math.Clamp(fallback, min, max);
            }

            if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            {
                return n;
            }

            errors.Add(field, "search.bad-number", min, max);
            return min;
        }
    }

    private static string StableMatch(PersonMatch kind) => kind switch
    {
        PersonMatch.IdNumber => "id-number",
        PersonMatch.Phone => "phone",
        _ => "name",
    };

    /// <summary>A case with its latest level and whether a clock on it is overdue (member-initialised so EF can filter and order on it).</summary>
    private sealed class Row
    {
        public required Case Case { get; init; }

        public CommonRiskLevel? Risk { get; init; }

        public bool Overdue { get; init; }
    }

    private sealed record Parsed(
        FieldErrors Errors,
        string? Term,
        CaseStatus? Status,
        CommonRiskLevel? Risk,
        Channel? Channel,
        Guid? Lead,
        DivisionCode? Division,
        DateTimeOffset? From,
        DateTimeOffset? Before,
        bool? Overdue,
        string Sort,
        int Page,
        int PageSize);
}
