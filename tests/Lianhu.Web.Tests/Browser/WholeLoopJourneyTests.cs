using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Features.Intake;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lianhu.Web.Tests.Browser;

/// <summary>
/// The whole closed loop in the demo city, every step through the UI in a real browser, each
/// agency in its own browser context: a Baoan police station opens a case at intake with victim and
/// respondent → assesses it at medium risk → routing makes tasks, which each holder accepts, starts
/// and completes from its inbox (closure is refused meanwhile) → the residents' committee records
/// the medium-risk plan's return visits (recording early is allowed; each one plans the next) →
/// the lead puts the case forward and the district centre's supervisor approves: closed, read-only →
/// the family archive lists it → a new intake for the same victim shows the archive notice and the
/// lead reopens the case, which keeps its assessment, tasks, visits and closure on the page and the
/// closure and reopening on its timeline. Screenshots go to artifacts/screenshots (loop-*.png).
/// </summary>
public sealed class WholeLoopJourneyTests(KestrelSqliteFactory factory) : IClassFixture<KestrelSqliteFactory>
{
    private const string RoutedTasks = "[data-testid=tasks] tr[data-task-id]:not([data-task-kind=return-visit])";

    [BrowserFact]
    public async Task Intake_Assessment_Tasks_Visits_Closure_Archive_AndReopening_ThroughTheUi()
    {
        var shots = Artifacts.Directory("screenshots");
        var station = factory.PoliceStation();
        var community = factory.CommunityOf(station);
        var supervisor = factory.CentreAt("440306", Role.Supervisor);
        var victimId = TestIdentities.IdNumber(new DateOnly(1986, 4, 12), female: true);
        await using var session = await BrowserSession.StartAsync();

        // 1. Intake: the police station opens a case for a community of its town, with victim and respondent.
        var lead = await session.SignInAsync(factory.BaseAddress, station, "en");
        await IntakeAsync(lead, community, victimId, "丈夫多次殴打妻子，孩子在场");
        var caseUrl = lead.Url.Split('?')[0];
        var number = (await lead.TextContentAsync("h1"))!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Last();
        (await lead.TextContentAsync("[data-testid=case-status]"))!.Trim().ShouldBe("Open");
        (await lead.TextContentAsync("[data-testid=intake-panel]"))!.ShouldContain(victimId[..6] + "********" + victimId[14..]);
        (await lead.Locator("[data-testid=party-table] tbody tr").CountAsync()).ShouldBe(2);
        (await lead.Locator(RoutedTasks).CountAsync()).ShouldBe(0, "no tasks before the assessment");
        await Shot(lead, shots, "loop-1-intake.png");

        // 2. Assessment on the three-level scale: escalation (2) + minors (2) = 4 → medium.
        await lead.GotoAsync($"{caseUrl}?instrument=cn-three-level");
        var noes = lead.Locator("[data-testid=assessment-form] input[type=radio][value=no]");
        for (var i = await noes.CountAsync() - 1; i >= 0; i--)
        {
            await noes.Nth(i).CheckAsync(); // every item answered: nothing starts as "no"
        }

        await lead.CheckAsync("#answer-6-yes");
        await lead.CheckAsync("#answer-7-yes");
        await lead.ClickAsync("[data-testid=assessment-submit]");
        await lead.WaitForSelectorAsync("[data-testid=assessment-recorded]");
        var assessment = (await lead.TextContentAsync("[data-testid=assessment-row]"))!;
        assessment.ShouldContain("Medium");
        await Shot(lead, shots, "loop-2-assessment.png");

        // 3. Routing made tasks; closure is refused while they are open.
        var tasks = await TaskRowsAsync(lead);
        tasks.Count.ShouldBeGreaterThan(0);
        tasks.ShouldContain(t => t.Agency == station.Agency.Name, "medium risk → the police station of the community's town");
        tasks.ShouldContain(t => t.Agency == factory.CentreAt("440306").Agency.Name, "medium risk → the district linkage centre");
        tasks.ShouldAllBe(t => t.Status == "Awaiting acceptance");
        (await lead.TextContentAsync("[data-testid=planned-visits]"))!.ShouldContain("medium-risk visit plan");
        await RequestClosureAsync(lead);
        await lead.WaitForSelectorAsync("[data-testid=closure-blockers]");
        (await lead.TextContentAsync("[data-testid=case-status]"))!.Trim().ShouldBe("Open");
        await Shot(lead, shots, "loop-3a-tasks-closure-refused.png");

        foreach (var (index, (id, agency, _)) in tasks.Index())
        {
            var holder = await session.SignInAsync(factory.BaseAddress, HolderOf(agency), "en");
            await holder.GotoAsync($"{factory.BaseAddress}/inbox");
            var awaiting = $"[data-testid=inbox-awaiting] [data-task-id='{id}']";
            await holder.ClickAsync($"{awaiting} [data-testid=accept]");
            await holder.WaitForSelectorAsync(awaiting, new() { State = WaitForSelectorState.Detached });
            (await holder.Locator("[data-testid=inbox-error]").CountAsync()).ShouldBe(0);

            // Started and completed on the case page (the inbox lists accepted work only when due within 24 hours).
            await holder.GotoAsync(caseUrl);
            var row = $"[data-testid=tasks] tr[data-task-id='{id}']";
            (await holder.TextContentAsync($"{row} [data-testid=task-status]"))!.Trim().ShouldBe("Accepted");
            await holder.ClickAsync($"{row} [data-testid=start-task]");
            await holder.WaitForSelectorAsync($"{row} [data-testid=start-task]", new() { State = WaitForSelectorState.Detached });
            holder.Url.ShouldStartWith(caseUrl);
            (await holder.TextContentAsync($"{row} [data-testid=task-status]"))!.Trim().ShouldBe("In progress");
            await holder.FillAsync($"#outcome-{id}", "已依法处置并告知当事人");
            await holder.ClickAsync($"{row} [data-testid=complete-task]");
            await holder.WaitForURLAsync("**/inbox", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            (await holder.Locator("[data-testid=inbox-error]").CountAsync()).ShouldBe(0);
            (await holder.Locator($"[data-task-id='{id}']").CountAsync()).ShouldBe(0, "a completed task leaves the inbox");
            await Shot(holder, shots, $"loop-3b-task-{index + 1}-done.png");
            await holder.Context.CloseAsync();
        }

        await lead.GotoAsync(caseUrl);
        (await TaskRowsAsync(lead)).ShouldAllBe(t => t.Status == "Completed");
        await Shot(lead, shots, "loop-3-tasks-completed.png");

        // 4. Return visits: the visiting agency records each visit of the plan (each recorded visit plans the next) until none is open.
        var visitor = HolderOf((await lead.TextContentAsync("[data-testid=planned-visits] tbody tr td:nth-child(2)"))!.Trim());
        visitor.Agency.Type.ShouldBe(AgencyType.ResidentsCommittee);
        var visits = await session.SignInAsync(factory.BaseAddress, visitor, "en");
        await visits.GotoAsync($"{factory.BaseAddress}/inbox");
        await visits.ClickAsync($"[data-testid=inbox-awaiting] a:has-text('{number}')");
        await visits.WaitForSelectorAsync("[data-testid=visits]");
        var recorded = 0;
        while (await visits.Locator("[data-testid=planned-visits]").CountAsync() > 0)
        {
            recorded.ShouldBeLessThan(3, "the medium plan is three monthly visits");
            await visits.SelectOptionAsync("#visit-method", recorded == 1 ? "home-visit" : "phone");
            await visits.SelectOptionAsync("#visit-outcome", "safe");
            await visits.FillAsync("#visit-note", $"第 {recorded + 1} 次回访，情况稳定");
            await visits.ClickAsync("[data-testid=record-visit]");
            await visits.WaitForSelectorAsync($"[data-testid=visit-row] >> nth={recorded}");
            recorded++;
        }

        recorded.ShouldBe(3);
        (await visits.Locator("[data-testid=visit-row]").CountAsync()).ShouldBe(3);
        await Shot(visits, shots, "loop-4-visits.png");

        // 5. Closure: the lead puts it forward with a summary; the district centre's supervisor approves; the case is read-only.
        await lead.GotoAsync(caseUrl);
        await RequestClosureAsync(lead);
        await lead.WaitForSelectorAsync("[data-testid=closure-pending]");
        (await lead.TextContentAsync("[data-testid=closure-pending]"))!.ShouldContain("0/1");
        // No reload: the post redirects, so the header's status is fresh.
        (await lead.TextContentAsync("[data-testid=case-status]"))!.Trim().ShouldBe("Closure pending");
        (await lead.TextContentAsync("[data-testid=closure-notice]"))!.ShouldContain("Closure status updated");
        await Shot(lead, shots, "loop-5a-closure-requested.png");

        var centre = await session.SignInAsync(factory.BaseAddress, supervisor, "en");
        await centre.GotoAsync(caseUrl);
        await centre.ClickAsync("[data-testid=approve-closure]");
        await centre.WaitForSelectorAsync("[data-testid=closed]");
        (await centre.TextContentAsync("[data-testid=case-status]"))!.Trim().ShouldBe("Closed");
        await Shot(centre, shots, "loop-5b-closure-approved.png");

        await lead.GotoAsync(caseUrl);
        (await lead.TextContentAsync("[data-testid=case-status]"))!.Trim().ShouldBe("Closed");
        (await lead.TextContentAsync("[data-testid=closed-outcome]"))!.ShouldContain("Violence stopped, family stable");
        (await lead.Locator("[data-testid=assessment-closed]").CountAsync()).ShouldBe(1, "a closed case takes no assessment");
        (await lead.Locator("[data-testid=assessment-form]").CountAsync()).ShouldBe(0);
        (await lead.Locator("[data-testid=request-closure]").CountAsync()).ShouldBe(0);
        await Shot(lead, shots, "loop-5-closed.png");

        // 6. The family archive lists the closed case under the victim.
        await lead.ClickAsync("[data-testid=nav-archive]");
        await lead.FillAsync("[data-testid=archive-q]", victimId);
        await lead.ClickAsync("button:has-text('Find')");
        (await lead.TextContentAsync("[data-testid=archive-table]"))!.ShouldContain(number);
        await Shot(lead, shots, "loop-6-archive.png");

        // 7. A new intake for the same victim shows the archive; the lead reopens the archived case with a reason.
        await IntakeAsync(lead, community, victimId, "再次被殴打，前来求助");
        (await lead.TextContentAsync("[data-testid=archive-panel]"))!.ShouldContain(number);
        await Shot(lead, shots, "loop-7a-archive-notice.png");

        await lead.FillAsync("[data-testid=archive-reopen-reason]", "New incident in the same household");
        await lead.ClickAsync("[data-testid=archive-reopen]");
        await lead.WaitForSelectorAsync("[data-testid=reopened]");
        lead.Url.Split('?')[0].ShouldBe(caseUrl);
        (await lead.TextContentAsync("[data-testid=case-status]"))!.Trim().ShouldBe("Open");
        var timeline = (await lead.TextContentAsync("[data-testid=timeline-panel]"))!;
        timeline.ShouldContain("Case opened");
        timeline.ShouldContain("Closed and archived");
        timeline.ShouldContain("Reopened");
        timeline.ShouldContain("New incident in the same household");
        (await lead.TextContentAsync("[data-testid=assessment-row]"))!.ShouldContain("Medium");
        (await TaskRowsAsync(lead)).ShouldBe(tasks.Select(t => t with { Status = "Completed" }).ToList(), ignoreOrder: true);
        (await lead.Locator("[data-testid=visit-row]").CountAsync()).ShouldBe(3);
        (await lead.Locator("[data-testid=request-closure]").CountAsync()).ShouldBe(1, "the reopened case may be worked and closed again");
        await Shot(lead, shots, "loop-7-reopened.png");
    }

    private sealed record TaskRow(string Id, string Agency, string Status);

    private static async Task<List<TaskRow>> TaskRowsAsync(IPage page)
    {
        var rows = new List<TaskRow>();
        foreach (var row in await page.Locator(RoutedTasks).AllAsync())
        {
            rows.Add(new TaskRow(
                (await row.GetAttributeAsync("data-task-id"))!,
                (await row.Locator("td").First.TextContentAsync())!.Trim(),
                (await row.Locator("[data-testid=task-status]").TextContentAsync())!.Trim()));
        }

        return rows;
    }

    /// <summary>The caseworker of the agency the case page names (task holders and visitors are shown by agency name).</summary>
    private DemoAccount HolderOf(string agencyName) =>
        factory.City.Accounts.Single(a => a.Agency.Name == agencyName && a.Role == Role.Caseworker);

    /// <summary>Walk-in intake by the signed-in caseworker: the victim (name and resident ID) and the respondent.</summary>
    private async Task IntakeAsync(IPage page, string community, string victimId, string summary)
    {
        await page.GotoAsync($"{factory.BaseAddress}/cases/new");
        await page.SelectOptionAsync("#channel", "walk-in");
        await page.SelectOptionAsync("#division", community);
        await page.FillAsync("#party-0-name", "陈秀兰");
        await page.FillAsync("#party-0-id", victimId);
        await page.FillAsync("#party-1-name", "赵建国");
        await page.FillAsync("#summary", summary);
        await page.ClickAsync("[data-testid=open-case-submit]");
        await page.WaitForSelectorAsync("[data-testid=opened]");
    }

    private static async Task RequestClosureAsync(IPage lead)
    {
        await lead.FillAsync("#closure-summary", "告诫并回访三次，暴力停止，家庭稳定");
        await lead.SelectOptionAsync("#closure-outcome", "violence-stopped");
        await lead.ClickAsync("[data-testid=request-closure]");
    }

    private static Task Shot(IPage page, string directory, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(directory, name), FullPage = true });
}
