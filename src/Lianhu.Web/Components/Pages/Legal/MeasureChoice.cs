using Lianhu.Web.Features.Legal;

namespace Lianhu.Web.Components.Pages.Legal;

/// <summary>The SPC measures as form checkboxes (1–5) plus "other" (255) with its words; form models inherit it.</summary>
public class MeasureChoice
{
    public static readonly int[] Codes = [1, 2, 3, 4, 5, 255];

    public bool M1 { get; set; }

    public bool M2 { get; set; }

    public bool M3 { get; set; }

    public bool M4 { get; set; }

    public bool M5 { get; set; }

    public bool M255 { get; set; }

    public string? OtherText { get; set; }

    public List<MeasureInput> ToInputs()
    {
        var list = new List<MeasureInput>();
        bool[] chosen = [M1, M2, M3, M4, M5, M255];
        for (var i = 0; i < Codes.Length; i++)
        {
            if (chosen[i])
            {
                list.Add(new MeasureInput(Codes[i], Codes[i] == 255 ? OtherText : null));
            }
        }

        return list;
    }
}

/// <summary>One model for every action form on a protection order, a letter or a placement (each form uses the fields it needs).</summary>
public sealed class LegalActionForm : MeasureChoice
{
    public string? At { get; set; }

    public string? Reason { get; set; }

    public string? ValidUntil { get; set; }

    public string? Recipient { get; set; }

    public string? Method { get; set; }

    public string? Kind { get; set; }

    public string? Outcome { get; set; }

    public string? Details { get; set; }

    public string? Location { get; set; }

    /// <summary>The court's answer to a breach (ADVL Art 34): criminal-transfer or admonition.</summary>
    public string? Response { get; set; }

    public int? FineYuan { get; set; }

    public int? DetentionDays { get; set; }

    public string? CriminalBasis { get; set; }
}
