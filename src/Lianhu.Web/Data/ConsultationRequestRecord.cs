namespace Lianhu.Web.Data;

/// <summary>
/// A question handed from the consultation assistant to a person (ADR 0036), kept only because she
/// agreed: the question (encrypted), the women's federation it went to, the answer (encrypted), the
/// receipt code she reads the answer with and a keyed MAC of her secret (never the secret), and the
/// lock that wrong secrets set. The form's id makes a replayed hand-off create nothing.
/// </summary>
public sealed class ConsultationRequestRecord : ReceiptRecord
{
    public const int QuestionMaxLength = 1000;
    public const int AnswerMaxLength = 4000;

    private ConsultationRequestRecord()
    {
        Question = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The id of the signed form it came from: one form, one request.</summary>
    public Guid FormId { get; private set; }

    /// <summary>The women's federation whose hotline answers it.</summary>
    public Guid AgencyId { get; private set; }

    /// <summary>The division she picked (optional), which chose the federation.</summary>
    public string? DivisionCode { get; private set; }

    /// <summary>Her question in her words (encrypted).</summary>
    public string Question { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The answer she reads by receipt (encrypted); null while waiting.</summary>
    public string? Answer { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public Guid? AnsweredBy { get; private set; }

    public bool IsAnswered => AnsweredAt is not null;

    public static ConsultationRequestRecord Create(Guid id, Guid formId, string receiptCode, string secretMac, Guid agencyId, string? divisionCode, string question, DateTimeOffset at) => new()
    {
        Id = id,
        FormId = formId,
        ReceiptCode = receiptCode,
        SecretMac = secretMac,
        AgencyId = agencyId,
        DivisionCode = divisionCode,
        Question = question,
        CreatedAt = at,
    };

    /// <summary>Records the answer (a later answer replaces an earlier one: a correction is shown to her as the answer).</summary>
    public void Reply(string answer, Guid by, DateTimeOffset at)
    {
        Answer = answer;
        AnsweredBy = by;
        AnsweredAt = at;
    }
}
