using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace FakeHttpFixture;

/// <summary>Checks a request against its operation: parameters by their schemas and <c>required</c>, the body by media type and schema.</summary>
internal static class RequestCheck
{
    public static void Check(ContractDocument document, ContractOperation operation, RecordedRequest request, Dictionary<string, string> pathValues,
        OpenApiValidationOptions options, List<(string Where, string What)> found)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString);
        foreach (var parameter in operation.Parameters)
        {
            var values = parameter.In switch
            {
                "path" => pathValues.TryGetValue(parameter.Name, out var v) ? [v] : [],
                "query" => query.TryGetValue(parameter.Name, out var q) ? q.Select(x => x ?? string.Empty).ToArray() : [],
                "header" => request.Headers.TryGetValue(parameter.Name, out var h) ? h : [],
                "cookie" => request.Cookies.TryGetValue(parameter.Name, out var c) ? [c] : [],
                _ => (string[])[],
            };
            ParameterCheck.Check(document, parameter, values, $"request {parameter.In} parameter '{parameter.Name}'", found);
        }

        if (!options.IgnoreUnknownQueryParameters)
        {
            foreach (var name in query.Keys.Where(k => !operation.Parameters.Any(p => p.In == "query" && p.Name == k)))
            {
                var documented = string.Join(", ", operation.Parameters.Where(p => p.In == "query").Select(p => p.Name));
                found.Add(($"request query parameter '{name}'", $"the operation documents no such parameter (it documents: {(documented.Length == 0 ? "none" : documented)})"));
            }
        }

        if (operation.Body is { } body)
        {
            CheckBody(document, body, request, options, found);
        }
    }

    private static void CheckBody(ContractDocument document, ContractRequestBody body, RecordedRequest request, OpenApiValidationOptions options, List<(string Where, string What)> found)
    {
        if (request.BodyLength == 0)
        {
            if (body.Required)
            {
                found.Add(("request body", $"the body is required ({MediaTypes.List(body.Content)}) but the request had none"));
            }

            return;
        }

        var contentType = request.Header("Content-Type");
        if (body.Content.Count == 0)
        {
            return;
        }

        if (MediaTypes.Match(body.Content, contentType) is not { } media)
        {
            found.Add(("request Content-Type", $"the operation accepts {MediaTypes.List(body.Content)} but the request sent {(contentType is null ? "no Content-Type" : $"'{contentType}'")}"));
            return;
        }

        BodyCheck.Check(document, media, request.Body, "request body", options.ForbidUndocumentedProperties, found);
    }
}
