namespace FakeHttpFixture;

/// <summary>The model a response template sees, shaped as WireMock's: <c>request.path</c>, <c>request.pathSegments.[n]</c>, <c>request.query.x</c>, <c>request.headers.x</c> and the rest.</summary>
internal static class TemplateModel
{
    public static Dictionary<string, object?> Create(RequestFacts request, Dictionary<string, string>? pathParameters)
    {
        var recorded = request.Request;
        var headers = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in recorded.Headers)
        {
            headers[name] = values.Length == 1 ? values[0] : new ValueList(values);
        }

        var query = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Query)
        {
            query[name] = values.Count == 1 ? values[0] : new ValueList(values);
        }

        var cookies = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in recorded.Cookies)
        {
            cookies[name] = value;
        }

        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        var path = new PathValue(request.Path, pathParameters);
        var baseUrl = $"{recorded.Scheme}://{recorded.Host}";
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["request"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["url"] = request.Url,
                ["path"] = path,
                ["pathSegments"] = segments,
                ["query"] = query,
                ["method"] = recorded.Method,
                ["headers"] = headers,
                ["cookies"] = cookies,
                ["body"] = request.BodyText,
                ["baseUrl"] = baseUrl,
                ["absoluteUrl"] = baseUrl + request.Url,
                ["scheme"] = recorded.Scheme,
                ["host"] = recorded.Host.Split(':')[0],
                ["clientIp"] = recorded.RemoteEndPoint?.Address.ToString(),
            },
        };
    }

    /// <summary>Several values of one header or parameter: written as its first, and indexable (<c>.[1]</c>), as in WireMock.</summary>
    private sealed class ValueList(IReadOnlyList<string> values) : List<string>(values)
    {
        public override string ToString() => Count == 0 ? string.Empty : this[0];
    }

    /// <summary><c>request.path</c>: written as the path, and with a urlPathTemplate its parameters by name (<c>request.path.id</c>).</summary>
    private sealed class PathValue(string path, Dictionary<string, string>? parameters) : System.Dynamic.DynamicObject
    {
        public override bool TryGetMember(System.Dynamic.GetMemberBinder binder, out object? result)
        {
            result = parameters?.GetValueOrDefault(binder.Name);
            return result is not null;
        }

        public override IEnumerable<string> GetDynamicMemberNames() => parameters?.Keys ?? Enumerable.Empty<string>();

        public override string ToString() => path;
    }
}
