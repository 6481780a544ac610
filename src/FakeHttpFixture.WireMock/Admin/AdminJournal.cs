using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>The admin API's request journal endpoints, read from the server's own journal in WireMock's shapes (newest first).</summary>
internal sealed class AdminJournal(HttpFixtureServer server, WireMockState state)
{
    private const int NearMissesPerRequest = 3;

    public async Task<(int Status, JsonNode? Body)?> RouteAsync(string method, string path, IQueryCollection query, Func<Task<string>> read)
    {
        switch (method, path)
        {
            case ("GET", "/requests"):
                var all = Newest().ToList();
                var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
                return (200, new JsonObject
                {
                    ["requests"] = new JsonArray([.. all.Take(limit).Select(ServeEvent)]),
                    ["meta"] = new JsonObject { ["total"] = all.Count },
                    ["requestJournalDisabled"] = false,
                });
            case ("DELETE", "/requests"):
                server.ClearRequests();
                return (200, null);
            case ("POST", "/requests/count"):
            case ("POST", "/requests/find"):
                RequestPattern pattern;
                try
                {
                    pattern = MappingParser.ParsePattern(await read().ConfigureAwait(false));
                }
                catch (WireMockMappingException ex)
                {
                    return (422, AdminApi.Errors(ex.Message));
                }

                var found = Newest().Where(r => pattern.IsMatch(new RequestFacts(r))).ToList();
                return path.EndsWith("count", StringComparison.Ordinal)
                    ? (200, new JsonObject { ["count"] = found.Count, ["requestJournalDisabled"] = false })
                    : (200, new JsonObject { ["requests"] = new JsonArray([.. found.Select(Request)]), ["requestJournalDisabled"] = false });
            case ("GET", "/requests/unmatched"):
                return (200, new JsonObject { ["requests"] = new JsonArray([.. Newest().Where(r => !Matched(r)).Select(Request)]), ["requestJournalDisabled"] = false });
            case ("GET", "/requests/unmatched/near-misses"):
                return (200, new JsonObject { ["nearMisses"] = new JsonArray([.. Newest().Where(r => !Matched(r)).SelectMany(NearMisses)]) });
            default:
                return null;
        }
    }

    /// <summary>A recorded request as WireMock's LoggedRequest.</summary>
    public static JsonObject Request(RecordedRequest request)
    {
        var facts = new RequestFacts(request);
        var headers = new JsonObject();
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = values.Length == 1 ? values[0] : new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
        }

        var cookies = new JsonObject();
        foreach (var (name, value) in request.Cookies)
        {
            cookies[name] = value;
        }

        var queryParams = new JsonObject();
        foreach (var (name, values) in facts.Query)
        {
            queryParams[name] = new JsonObject { ["key"] = name, ["values"] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]) };
        }

        var host = request.Host.Split(':');
        return new JsonObject
        {
            ["url"] = facts.Url,
            ["absoluteUrl"] = $"{request.Scheme}://{request.Host}{facts.Url}",
            ["method"] = request.Method,
            ["clientIp"] = request.RemoteEndPoint?.Address.ToString(),
            ["headers"] = headers,
            ["cookies"] = cookies,
            ["browserProxyRequest"] = false,
            ["loggedDate"] = request.Timestamp.ToUnixTimeMilliseconds(),
            ["bodyAsBase64"] = Convert.ToBase64String(request.Body),
            ["body"] = request.BodyText,
            ["protocol"] = request.Protocol,
            ["scheme"] = request.Scheme,
            ["host"] = host[0],
            ["port"] = host.Length > 1 && int.TryParse(host[^1], CultureInfo.InvariantCulture, out var port) ? port : DefaultPort(request.Scheme),
            ["loggedDateString"] = request.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["queryParams"] = queryParams,
            ["formParams"] = new JsonObject(),
        };
    }

    private static int DefaultPort(string scheme) => scheme == "https" ? 443 : 80;

    private static bool Matched(RecordedRequest request) => request.AnsweringStage == WireMockStage.StageName;

    private static string Id(RecordedRequest request) => string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{request.Sequence:x12}");

    private IEnumerable<RecordedRequest> Newest() => server.Requests.Reverse();

    private JsonObject ServeEvent(RecordedRequest request)
    {
        var mapping = Matched(request) && request.ResponseHeaders.TryGetValue("Matched-Stub-Id", out var ids) && Guid.TryParse(ids[0], out var id) ? state.Find(id) : null;
        var headers = new JsonObject();
        foreach (var (name, values) in request.ResponseHeaders)
        {
            headers[name] = values.Length == 1 ? values[0] : new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
        }

        var result = new JsonObject
        {
            ["id"] = Id(request),
            ["request"] = Request(request),
            ["responseDefinition"] = mapping?.Json["response"]?.DeepClone() ?? new JsonObject { ["status"] = request.StatusCode },
            ["response"] = new JsonObject { ["status"] = request.StatusCode, ["headers"] = headers },
            ["wasMatched"] = Matched(request),
            ["timing"] = new JsonObject { ["totalTime"] = (long)request.Duration.TotalMilliseconds },
        };
        if (mapping is not null)
        {
            result["stubMapping"] = mapping.Json.DeepClone();
        }

        return result;
    }

    private IEnumerable<JsonNode> NearMisses(RecordedRequest request)
    {
        var facts = new RequestFacts(request);
        return state.Mappings
            .Select(m => (Mapping: m, Distance: m.Request.Distance(facts), Failures: m.Request.Failures(facts, stopAtFirst: false)))
            .OrderBy(x => x.Distance)
            .Take(NearMissesPerRequest)
            .Select(x => (JsonNode)new JsonObject
            {
                ["request"] = Request(request),
                ["stubMapping"] = x.Mapping.Json.DeepClone(),
                ["matchResult"] = new JsonObject
                {
                    ["distance"] = x.Distance,
                    ["diffDescriptions"] = new JsonArray([.. x.Failures.Select(f => (JsonNode)JsonValue.Create($"{f} does not match"))]),
                },
            });
    }
}
