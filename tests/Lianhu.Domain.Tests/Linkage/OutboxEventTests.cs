using Lianhu.Domain.Common;
using Lianhu.Domain.Linkage;

namespace Lianhu.Domain.Tests.Linkage;

public class OutboxEventTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Failures_BackOffExponentially_UpToTheCap_ThenDeliveryIsFinal()
    {
        var e = OutboxEvent.Create(Guid.NewGuid(), Guid.NewGuid(), "task.new", "{}", Now);
        var baseDelay = TimeSpan.FromSeconds(30);
        var cap = TimeSpan.FromMinutes(3);
        e.Failed("http-503", Now, baseDelay, cap);
        e.NextAttemptAt.ShouldBe(Now.AddSeconds(30));
        e.Failed("http-503", Now, baseDelay, cap);
        e.NextAttemptAt.ShouldBe(Now.AddSeconds(60));
        e.Failed("HttpRequestException", Now, baseDelay, cap);
        e.NextAttemptAt.ShouldBe(Now.AddSeconds(120));
        e.Failed("http-500", Now, baseDelay, cap);
        e.NextAttemptAt.ShouldBe(Now.AddMinutes(3));
        e.Attempts.ShouldBe(4);

        e.Delivered(Now.AddMinutes(5));
        e.Status.ShouldBe(OutboxStatus.Delivered);
        e.Attempts.ShouldBe(5);
        e.LastError.ShouldBeNull();
        Should.Throw<DomainRuleViolationException>(() => e.Delivered(Now)).Code.ShouldBe("outbox.delivered");
    }

    [Theory]
    [InlineData("ftp://x/hook", "0123456789abcdef", "webhook.url")]
    [InlineData("https://x/hook", "short", "webhook.secret")]
    public void AWebhook_NeedsAnHttpUrlAndALongSecret(string url, string secret, string code) =>
        Should.Throw<DomainRuleViolationException>(() => AgencyWebhook.Create(Guid.NewGuid(), Guid.NewGuid(), url, secret, Now)).Code.ShouldBe(code);
}
