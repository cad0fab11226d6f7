using Lianhu.Domain.Instruments;
using Lianhu.Web.Api;

namespace Lianhu.Web.Features.Instruments;

/// <summary>
/// Turns the domain's validation exceptions into field errors. The domain words its reasons in
/// English (they are also the CLI's); the localised template puts them in a sentence of the
/// caller's language.
/// </summary>
public static class InstrumentErrors
{
    public static FieldErrors Add(this FieldErrors errors, AssessmentValidationException ex) =>
        errors.Add(ScoreRequest.FieldName(ex.Field), "instrument.input", ex.Reason);

    public static FieldErrors Add(this FieldErrors errors, InstrumentDefinitionException ex) =>
        errors.Add(ex.Field, "instrument.definition", ex.Reason);
}
