using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Lianhu.Web.Tests.Hosting;

/// <summary>
/// A client generated from <c>/openapi/v1.json</c> must be able to call every write: for each
/// POST/PUT/PATCH with a JSON body, the request schema in the document has exactly the members the
/// handler's request type reads (its JSON properties under the host's serializer options). Issue 12
/// finding 16: every nested <c>Request</c> record shared one schema, <c>{username, password}</c>.
/// </summary>
public sealed partial class OpenApiSchemaTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static readonly string[] Writes = ["POST", "PUT", "PATCH"];

    [Fact]
    public async Task EveryWriteEndpoint_HasARequestSchemaWithTheFieldsItsHandlerReads()
    {
        using var client = factory.CreateClient();
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var json = factory.Services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;

        var checkedCount = 0;
        var wrong = new List<string>();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            if (accepts?.RequestType is not { } requestType || !accepts.ContentTypes.Contains("application/json")
                || endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is { ExcludeFromDescription: true })
            {
                continue;
            }

            foreach (var method in methods.Intersect(Writes))
            {
                var path = DocumentPath(endpoint.RoutePattern.RawText!);
                var where = $"{method} {path} ({requestType.Name})";
                if (!doc.GetProperty("paths").TryGetProperty(path, out var item) || !item.TryGetProperty(method.ToLowerInvariant(), out var operation))
                {
                    wrong.Add($"{where}: not in the document");
                    continue;
                }

                if (!operation.TryGetProperty("requestBody", out var body)
                    || !body.GetProperty("content").TryGetProperty("application/json", out var content)
                    || Resolve(content.GetProperty("schema"), schemas) is not { } schema)
                {
                    wrong.Add($"{where}: no JSON request schema");
                    continue;
                }

                var documented = schema.TryGetProperty("properties", out var properties)
                    ? properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList()
                    : [];
                var read = json.GetTypeInfo(requestType).Properties.Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
                if (!documented.SequenceEqual(read))
                {
                    wrong.Add($"{where}: the document says {{{string.Join(", ", documented)}}}, the handler reads {{{string.Join(", ", read)}}}");
                }

                checkedCount++;
            }
        }

        checkedCount.ShouldBeGreaterThan(20);
        wrong.ShouldBeEmpty(string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task NestedRequestTypes_GetSchemaIdsNamedAfterTheirFeature()
    {
        using var client = factory.CreateClient();
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        schemas.TryGetProperty("Request", out _).ShouldBeFalse();
        schemas.TryGetProperty("OpenCaseRequest", out _).ShouldBeTrue();
        schemas.TryGetProperty("EditCaseRequest", out _).ShouldBeTrue();
        schemas.TryGetProperty("IssueTokenRequest", out _).ShouldBeTrue();
    }

    /// <summary>The route template as the document writes it: <c>{id:guid}</c> → <c>{id}</c>, no catch-all stars.</summary>
    private static string DocumentPath(string template)
    {
        var path = Parameter().Replace(template, m => "{" + m.Groups[1].Value + "}");
        return path.StartsWith('/') ? path : "/" + path;
    }

    /// <summary>The object schema a body schema stands for: a <c>$ref</c>, possibly inside a nullable <c>oneOf</c>/<c>anyOf</c>.</summary>
    private static JsonElement? Resolve(JsonElement schema, JsonElement components)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var id = reference.GetString()!.Split('/')[^1];
            return components.TryGetProperty(id, out var found) ? Resolve(found, components) : null;
        }

        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var options))
            {
                foreach (var option in options.EnumerateArray())
                {
                    if (Resolve(option, components) is { } resolved && resolved.TryGetProperty("properties", out _))
                    {
                        return resolved;
                    }
                }
            }
        }

        return schema;
    }

    [GeneratedRegex(@"\{\**([A-Za-z0-9_]+)(?::[^}]*)?\??\}")]
    private static partial Regex Parameter();
}
