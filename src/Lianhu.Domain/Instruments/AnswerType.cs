namespace Lianhu.Domain.Instruments;

/// <summary>How an item is answered. Only yes/no/unknown exists today; the field is kept in the
/// data so a later scale with graded items is a new value, not a new file format.</summary>
public enum AnswerType
{
    YesNoUnknown,
}
