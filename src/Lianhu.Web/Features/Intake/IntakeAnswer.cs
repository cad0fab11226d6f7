using System.Text.Json;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Persons;

namespace Lianhu.Web.Features.Intake;

/// <summary>Where the intake form goes next, read from an intake's outcome (including a stored, replayed one).</summary>
public sealed record IntakeAnswer(Guid Id, bool IsReceipt, bool Attached)
{
    public static IntakeAnswer Read(OpenCase.Outcome outcome)
    {
        switch (outcome)
        {
            case { Receipt: { } receipt }:
                return new(receipt.Id, IsReceipt: true, Attached: false);
            case { Case: { } c }:
                return new(c.Id, IsReceipt: false, outcome.Attached);
            case { Stored: { } stored }:
                using (var body = JsonDocument.Parse(stored.Body))
                {
                    var root = body.RootElement;
                    var attached = root.TryGetProperty("attachedToExisting", out var flag) && flag.ValueKind == JsonValueKind.True;
                    var receipt = stored.Location?.StartsWith(OpenCase.ReceiptLocation(Guid.Empty)[..^Guid.Empty.ToString().Length], StringComparison.Ordinal) == true;
                    return new(root.GetProperty("id").GetGuid(), receipt, attached);
                }

            default:
                throw new InvalidOperationException("Not a successful intake.");
        }
    }
}
