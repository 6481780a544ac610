using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FakeHttpFixture;

/// <summary>What WireMock's matchers look at in one recorded request, worked out once per request: the URL as sent, its decoded query, cookies, the body as text and as JSON.</summary>
internal sealed class RequestFacts
{
    private JToken? _json;
    private bool _jsonParsed;
    private Dictionary<string, List<string>>? _query;

    public RequestFacts(RecordedRequest request)
    {
        Request = request;
        var target = request.RawTarget.Length > 0 && request.RawTarget[0] == '/' ? request.RawTarget : request.Path + request.QueryString;
        Url = target;
        var question = target.IndexOf('?', StringComparison.Ordinal);
        Path = question < 0 ? target : target[..question];
        RawQuery = question < 0 ? string.Empty : target[(question + 1)..];
    }

    public RecordedRequest Request { get; }

    public string Method => Request.Method;

    /// <summary>Gets the path and query as the client sent them, as WireMock's <c>url</c> and <c>urlPattern</c> see them.</summary>
    public string Url { get; }

    public string Path { get; }

    public string RawQuery { get; }

    public string BodyText => Request.BodyText;

    public IReadOnlyDictionary<string, List<string>> Query => _query ??= ParseQuery(RawQuery);

    /// <summary>Gets the body parsed as JSON, or <see langword="null"/> when it is not JSON.</summary>
    public JToken? Json
    {
        get
        {
            if (!_jsonParsed)
            {
                _json = TryParse(BodyText);
                _jsonParsed = true;
            }

            return _json;
        }
    }

    public IReadOnlyList<string>? Header(string name) => Request.Headers.TryGetValue(name, out var values) ? values : null;

    public string? Cookie(string name) => Request.Cookies.TryGetValue(name, out var value) ? value : null;

    public static JToken? TryParse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader);
            return reader.Read() ? null : token;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Dictionary<string, List<string>> ParseQuery(string query)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            if (!result.TryGetValue(name, out var values))
            {
                result[name] = values = [];
            }

            values.Add(value);
        }

        return result;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
