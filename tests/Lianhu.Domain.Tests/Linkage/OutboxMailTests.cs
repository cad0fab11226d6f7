using Lianhu.Domain.Common;
using Lianhu.Domain.Linkage;

namespace Lianhu.Domain.Tests.Linkage;

public class OutboxMailTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(1);

    private static OutboxMail NewMail() => OutboxMail.Create(Guid.NewGuid(), Guid.NewGuid(), "task.new", Guid.NewGuid(), Guid.NewGuid(), Now);

    [Fact]
    public void Failures_BackOffExponentially_UpToTheCap_AndTheLastAllowedAttemptMakesItDead()
    {
        var mail = NewMail();
        mail.IsDue(Now).ShouldBeTrue();
        mail.Failed("smtp-ServiceNotAvailable", Now, 3, Base, Cap);
        (mail.Status, mail.NextAttemptAt).ShouldBe((MailStatus.Failed, Now.AddSeconds(30)));
        mail.IsDue(Now).ShouldBeFalse();
        mail.Failed("SmtpException", Now, 3, Base, Cap);
        (mail.Status, mail.NextAttemptAt).ShouldBe((MailStatus.Failed, Now.AddMinutes(1)));
        mail.Failed("SmtpException", Now, 3, Base, Cap);
        mail.Status.ShouldBe(MailStatus.Dead);
        mail.Attempts.ShouldBe(3);
        mail.IsDue(Now.AddDays(1)).ShouldBeFalse();
        Should.Throw<DomainRuleViolationException>(() => mail.Sent(Now)).Code.ShouldBe("outbox.closed");
    }

    [Fact]
    public void RetryNow_RevivesADeadMail_ForOneMoreAttempt()
    {
        var mail = NewMail();
        mail.Failed("x", Now, 1, Base, Cap);
        mail.Status.ShouldBe(MailStatus.Dead);

        mail.RetryNow(Now.AddHours(1));
        mail.IsDue(Now.AddHours(1)).ShouldBeTrue();
        mail.Failed("x", Now.AddHours(1), 1, Base, Cap);
        mail.Status.ShouldBe(MailStatus.Dead);
        mail.Attempts.ShouldBe(2);

        mail.RetryNow(Now.AddHours(2));
        mail.Sent(Now.AddHours(2));
        (mail.Status, mail.LastError, mail.SentAt).ShouldBe((MailStatus.Sent, null, Now.AddHours(2)));
    }

    [Fact]
    public void RetryNow_OnAPendingOrSentMail_Throws()
    {
        var mail = NewMail();
        Should.Throw<DomainRuleViolationException>(() => mail.RetryNow(Now)).Code.ShouldBe("notification.not-retryable");
        mail.Sent(Now);
        Should.Throw<DomainRuleViolationException>(() => mail.RetryNow(Now)).Code.ShouldBe("notification.not-retryable");
    }

    [Fact]
    public void RetryNow_OnAWebhookEvent_OnlyAfterAFailure()
    {
        var e = OutboxEvent.Create(Guid.NewGuid(), Guid.NewGuid(), "task.new", "{}", Now);
        Should.Throw<DomainRuleViolationException>(() => e.RetryNow(Now)).Code.ShouldBe("notification.not-retryable");
        e.Failed("http-503", Now, Base, Cap);
        e.RetryNow(Now.AddSeconds(1));
        e.NextAttemptAt.ShouldBe(Now.AddSeconds(1));
    }
}
