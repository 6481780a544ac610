namespace FakeHttpFixture;

/// <summary>Checks a response against its operation: the status documented (or a range, or default), its headers, and its body.</summary>
internal static class ResponseCheck
{
    public static void Check(ContractDocument document, ContractOperation operation, RecordedRequest request, OpenApiValidationOptions options, List<(string Where, string What)> found)
    {
        var status = request.StatusCode;
        if (status == 0 || request.ResponseAborted)
        {
            return;
        }

        if (operation.ResponseFor(status) is not { } response)
        {
            found.Add(("response", $"the status {status} is not documented (documented: {string.Join(", ", operation.Responses.Select(r => r.Key))})"));
            return;
        }

        var where = $"response {status}";
        foreach (var header in response.Headers.Where(h => !string.Equals(h.Name, "Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            var values = request.ResponseHeaders.TryGetValue(header.Name, out var sent) ? sent : [];
            ParameterCheck.Check(document, header, values, $"{where} header '{header.Name}'", found);
        }

        if (response.Content.Count == 0 || request.Method == "HEAD" || status is 204 or 304)
        {
            return;
        }

        if (request.ResponseBodyLength == 0)
        {
            found.Add(($"{where} body", $"the document describes a body ({MediaTypes.List(response.Content)}) but the response had none"));
            return;
        }

        var contentType = request.ResponseHeaders.TryGetValue("Content-Type", out var types) ? string.Join(", ", types) : null;
        if (MediaTypes.Match(response.Content, contentType) is not { } media)
        {
            found.Add(($"{where} Content-Type", $"the document describes {MediaTypes.List(response.Content)} but the response sent {(contentType is null ? "no Content-Type" : $"'{contentType}'")}"));
            return;
        }

        // Only a server that records response bodies has them; ValidateAgainstOpenApi turns the recording on.
        if (request.ResponseBody is { } body)
        {
            BodyCheck.Check(document, media, body, $"{where} body", options.ForbidUndocumentedProperties, found);
        }
    }
}
