using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>WireMock's admin API under /__admin, as WireMock 3 documents it: mappings, the request journal, scenarios, reset and health.</summary>
internal sealed class AdminApi(HttpFixtureServer server, WireMockState state, string? token)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
    private readonly byte[]? _expected = token is null ? null : Encoding.UTF8.GetBytes("Bearer " + token);
    private readonly AdminJournal _journal = new(server, state);

    public async Task HandleAsync(HttpContext context)
    {
        if (_expected is not null && !FixedTimeEquals(context.Request.Headers.Authorization.ToString()))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteAsync(context, 401, Errors("The admin API needs the header Authorization: Bearer <token>, with the token fakehttp was started with (--admin-token).")).ConfigureAwait(false);
            return;
        }

        var path = context.Request.Path.Value!["/__admin".Length..].TrimEnd('/');
        var method = context.Request.Method;
        var (status, body) = await RouteAsync(context, method, path).ConfigureAwait(false);
        await WriteAsync(context, status, body).ConfigureAwait(false);
    }

    internal static JsonObject Errors(string detail) => new()
    {
        ["errors"] = new JsonArray(new JsonObject { ["code"] = 10, ["source"] = new JsonObject(), ["title"] = "Error parsing JSON", ["detail"] = detail }),
    };

    private static async Task WriteAsync(HttpContext context, int status, JsonNode? body)
    {
        context.Response.StatusCode = status;
        if (body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body.ToJsonString(Indented), context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task<string> ReadAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static (int, JsonNode?) NotFound() => (404, null);

    private bool FixedTimeEquals(string header) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header), _expected);

    private async Task<(int Status, JsonNode? Body)> RouteAsync(HttpContext context, string method, string path)
    {
        switch (method, path)
        {
            case ("GET", "/health"):
                return (200, new JsonObject { ["status"] = "healthy", ["message"] = "Wiremock is ok", ["version"] = "3.13.2", ["uptimeInSeconds"] = (long)(DateTimeOffset.UtcNow - _started).TotalSeconds, ["timestamp"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture) });
            case ("GET", "/mappings"):
                return (200, Mappings(state.Mappings));
            case ("POST", "/mappings"):
                return Create(await ReadAsync(context).ConfigureAwait(false));
            case ("DELETE", "/mappings"):
                state.Clear();
                return (200, null);
            case ("POST", "/mappings/reset"):
                state.ResetMappings();
                return (200, null);
            case ("POST", "/scenarios/reset"):
                state.ResetScenarios();
                return (200, null);
            case ("GET", "/scenarios"):
                return (200, Scenarios());
            case ("POST", "/reset"):
                state.ResetMappings();
                state.ResetScenarios();
                server.ClearRequests();
                return (200, null);
        }

        if (path.StartsWith("/mappings/", StringComparison.Ordinal))
        {
            if (!Guid.TryParse(path["/mappings/".Length..], out var id))
            {
                return NotFound();
            }

            return method switch
            {
                "GET" => state.Find(id) is { } mapping ? (200, mapping.Json.DeepClone()) : NotFound(),
                "PUT" => Update(id, await ReadAsync(context).ConfigureAwait(false)),
                "DELETE" => state.Remove(id) ? (200, null) : NotFound(),
                _ => (405, null),
            };
        }

        return await _journal.RouteAsync(method, path, context.Request.Query, () => ReadAsync(context)).ConfigureAwait(false) ?? NotFound();
    }

    private (int, JsonNode?) Create(string text)
    {
        List<Mapping> mappings;
        try
        {
            mappings = MappingParser.Parse(text, null, state.FilesRoot);
        }
        catch (WireMockMappingException ex)
        {
            return (422, Errors(ex.Message));
        }

        foreach (var mapping in mappings)
        {
            state.Add(mapping);
        }

        return (201, mappings[^1].Json.DeepClone());
    }

    private (int, JsonNode?) Update(Guid id, string text)
    {
        Mapping mapping;
        try
        {
            var node = JsonNode.Parse(text) as JsonObject ?? throw new WireMockMappingException("The mapping sent to the admin API is not a JSON object.");
            node["id"] = id.ToString();
            node.Remove("uuid");
            mapping = MappingParser.Parse(node.ToJsonString(), null, state.FilesRoot)[0];
        }
        catch (WireMockMappingException ex)
        {
            return (422, Errors(ex.Message));
        }
        catch (JsonException ex)
        {
            return (422, Errors($"The mapping sent to the admin API is not JSON: {ex.Message}"));
        }

        return state.Replace(id, mapping) ? (200, mapping.Json.DeepClone()) : NotFound();
    }

    private static JsonObject Mappings(Mapping[] mappings) => new()
    {
        ["mappings"] = new JsonArray([.. mappings.Select(m => m.Json.DeepClone())]),
        ["meta"] = new JsonObject { ["total"] = mappings.Length },
    };

    private JsonObject Scenarios()
    {
        var mappings = state.Mappings;
        return new JsonObject
        {
            ["scenarios"] = new JsonArray([.. state.Scenarios().Select(s => (JsonNode)new JsonObject
            {
                ["id"] = s.Name,
                ["name"] = s.Name,
                ["state"] = s.State,
                ["possibleStates"] = new JsonArray([.. s.PossibleStates.Select(p => (JsonNode)JsonValue.Create(p))]),
                ["mappings"] = new JsonArray([.. mappings.Where(m => m.ScenarioName == s.Name).Select(m => m.Json.DeepClone())]),
            })]),
        };
    }
}
