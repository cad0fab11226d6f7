using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Features.Legal;

/// <summary>The people and requests the legal tests share: Baoan's first community, its workstation, court and police station.</summary>
public static class LegalTestHelpers
{
    public const string Baoan = "440306";
    public const string Futian = "440304";

    public static DemoAccount Workstation(LianhuFactory f) => f.Account(AgencyType.CommunityWorkstation, Baoan);

    public static string Community(LianhuFactory f) => Workstation(f).Agency.Division.Value;

    public static DemoAccount Court(LianhuFactory f) => f.Account(AgencyType.Court, Baoan);

    /// <summary>The police station of the case community's town (the order goes there by default).</summary>
    public static DemoAccount Station(LianhuFactory f) => f.Account(AgencyType.PoliceStation, Community(f)[..9]);

    public static DemoAccount Stranger(LianhuFactory f) => f.Account(AgencyType.PoliceBureau, Futian);

    public static DemoAccount DistrictCentre(LianhuFactory f) =>
        f.City.Accounts.First(a => a.Agency.Type == AgencyType.LinkageCentre && a.Agency.Division.Value == Baoan && a.Role == Role.Caseworker);

    public static async Task<Guid> OpenCaseAsync(HttpClient client, string community, string channel = "walk-in")
    {
        var response = await client.PostAsJsonAsync("/api/v1/cases", new { channel, summary = "法律措施测试", divisionCode = community });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A complete application by the victim against her husband (a relation from the picker: ADVL Art 2; issue 15).</summary>
    public static object Application(Guid court, bool emergency = false) => new
    {
        courtAgencyId = court.ToString(),
        applicantType = "victim",
        applicantName = "李梅",
        respondentName = "王强",
        respondentIdNumber = "440306198501011238",
        respondentAddress = "深圳市宝安区新安街道某小区 3 栋 502",
        respondentRelation = "spouse",
        ground = "violence-suffered",
        facts = "2026 年 3 月 1 日晚，被申请人酒后殴打申请人，致其面部受伤。",
        measures = new object[] { new { code = 1 }, new { code = 4 } },
        emergency,
    };

    /// <summary>A complete warning letter to 王强 (or the respondent given) about the victim given.</summary>
    public static object WarningLetter(string idNumber = "440306198501011238", string victim = "李梅") => new
    {
        respondentName = "王强",
        respondentIdNumber = idNumber,
        respondentAddress = "深圳市宝安区新安街道某小区 3 栋 502",
        victimName = victim,
        facts = "2026 年 3 月 1 日晚，王强因琐事推搡李梅，致其手臂轻微擦伤，情节较轻。",
        prohibition = "你不得再对家庭成员实施任何形式的家庭暴力。",
    };

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static JsonElement ClockOf(JsonElement record, string rule) =>
        record.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("rule").GetString() == rule);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
