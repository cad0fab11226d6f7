using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace Lianhu.Web.Hosting;

/// <summary>
/// Schema ids for <c>/openapi/v1.json</c> that stay unique with one file per use case: a nested type
/// is named after the types around it (<c>OpenCase.Request</c> → <c>OpenCaseRequest</c>,
/// <c>CaseClosure.ClosureState</c> → <c>CaseClosureClosureState</c>). The default names a type by its
/// own name, so every nested <c>Request</c> record pointed at one schema (issue 12, finding 16).
/// </summary>
public static class OpenApiSchemaIds
{
    public static string? For(JsonTypeInfo type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        if (id is null)
        {
            return null;
        }

        // A generic's id already names its arguments (e.g. PageOfCaseDto); only the nesting is added.
        for (var outer = type.Type.DeclaringType; outer is not null; outer = outer.DeclaringType)
        {
            var name = outer.Name;
            var tick = name.IndexOf('`', StringComparison.Ordinal);
            id = (tick < 0 ? name : name[..tick]) + id;
        }

        return id;
    }
}
