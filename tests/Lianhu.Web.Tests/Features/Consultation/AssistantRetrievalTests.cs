using Lianhu.Web.Features.Consultation;
using Lianhu.Web.Hosting;

namespace Lianhu.Web.Tests.Features.Consultation;

/// <summary>
/// Issue 16 item 4: the bundled answers retrieved with SmartCn and the confidence threshold —
/// questions worded unlike any stored question still find their answer; questions no answer covers
/// fall below the threshold (and are offered a person); danger words are found however they are written.
/// </summary>
public sealed class AssistantRetrievalTests : IDisposable
{
    private readonly ConsultationContent content = ConsultationContent.Load(Path.Combine(LianhuPaths.Config, "consultation"));
    private readonly AnswerIndex index;

    public AssistantRetrievalTests() => index = new AnswerIndex(content.Bundled, content.Settings);

    [Theory]
    [InlineData("保护令怎么申请，要去哪个法院", "protection-order-how")]
    [InlineData("申请保护令收不收费", "protection-order-how")]
    [InlineData("人身安全保护令能不能让他从家里搬走", "protection-order-what")]
    [InlineData("分手以后前男友天天在楼下堵我", "former-partner")]
    [InlineData("派出所给他开了告诫书，这个有什么用", "warning-letter")]
    [InlineData("我想带孩子离开家，但是没有地方可以住", "shelter")]
    [InlineData("请不起律师，有没有免费的法律援助", "legal-aid")]
    [InlineData("他违反了保护令又来找我", "protection-order-breach")]
    [InlineData("我应该怎么保存证据，拍照有用吗", "evidence")]
    [InlineData("他天天骂我威胁我但是不动手，这算家暴吗", "what-is-dv")]
    [InlineData("因为家暴起诉离婚能要赔偿吗", "divorce")]
    [InlineData("妇联的热线电话是多少", "hotlines")]
    [InlineData("How do I apply for a protection order?", "protection-order-how")]
    [InlineData("Is there a shelter where I can stay with my kids?", "shelter")]
    [InlineData("My ex-boyfriend keeps following me after we broke up", "former-partner")]
    public void A_question_in_her_own_words_finds_its_answer_above_the_threshold(string question, string expected)
    {
        var hits = index.Search(question);

        hits.ShouldNotBeEmpty();
        hits[0].Entry.Id.ShouldBe(expected, $"best hits: {string.Join(", ", hits.Select(h => $"{h.Entry.Id} {h.Confidence}"))}");
        hits[0].Confidence.ShouldBeGreaterThanOrEqualTo(content.Settings.Threshold);
    }

    [Theory]
    [InlineData("我老公的车坏了去哪里修")]
    [InlineData("明天深圳天气怎么样")]
    [InlineData("What is the best pizza in town?")]
    [InlineData("股票基金理财推荐")]
    public void A_question_no_answer_covers_stays_below_the_threshold(string question)
    {
        var hits = index.Search(question);

        (hits.Count == 0 || hits[0].Confidence < content.Settings.Threshold).ShouldBeTrue($"best hits: {string.Join(", ", hits.Select(h => $"{h.Entry.Id} {h.Confidence}"))}");
    }

    [Theory]
    [InlineData("他刚才掐我脖子，说要杀了我", true)]
    [InlineData("他拿着菜刀在门外", true)]
    [InlineData("他说 要 杀 我", true)]
    [InlineData("He is choking me", true)]
    [InlineData("he said he is GOING TO KILL me", true)]
    [InlineData("怎么申请保护令", false)]
    [InlineData("How do I get legal aid?", false)]
    public void Danger_words_are_found_however_they_are_written(string question, bool danger) =>
        Assistant.HasDanger(question, content.Settings).ShouldBe(danger);

    [Fact]
    public void Every_bundled_answer_is_found_by_its_own_first_question_in_both_languages()
    {
        foreach (var entry in content.Bundled)
        {
            index.Search(entry.Questions.ZhCn[0])[0].Entry.Id.ShouldBe(entry.Id, entry.Questions.ZhCn[0]);
            index.Search(entry.Questions.En[0])[0].Entry.Id.ShouldBe(entry.Id, entry.Questions.En[0]);
        }
    }

    public void Dispose() => index.Dispose();
}
