using System.Text;
using System.Text.Json;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Files;

/// <summary>Sends requests with Python's http.client (one python3 process for a whole batch) to a port on 127.0.0.1.</summary>
internal static class PythonHttp
{
    private const string Script = """
        import base64, http.client, json, sys
        port = int(sys.argv[1])
        out = []
        for r in json.loads(sys.argv[2]):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            body = base64.b64decode(r["body"]) if r["body"] is not None else None
            conn.putrequest(r["method"], r["target"], skip_accept_encoding=True)
            for k, v in (r["headers"] or {}).items():
                conn.putheader(k, v)
            if body is not None:
                conn.putheader("Content-Length", str(len(body)))
            conn.endheaders(body)
            resp = conn.getresponse()
            data = resp.read()
            out.append({"status": resp.status, "headers": {k.lower(): v for k, v in resp.getheaders()}, "body": base64.b64encode(data).decode()})
            conn.close()
        print(json.dumps(out))
        """;

    public static Task<PyResponse[]> SendAsync(HttpFixtureServer server, params PyRequest[] requests) => SendAsync(server.Port, requests);

    public static async Task<PyResponse[]> SendAsync(int port, params PyRequest[] requests)
    {
        var json = JsonSerializer.Serialize(requests.Select(r => new
        {
            method = r.Method,
            target = r.Target,
            headers = r.Headers,
            body = r.Body is null ? null : Convert.ToBase64String(r.Body),
        }));
        var (exit, output, error) = await ExternalProcess.PythonAsync(Script, port.ToString(System.Globalization.CultureInfo.InvariantCulture), json);
        exit.ShouldBe(0, error);
        using var document = JsonDocument.Parse(output);
        return document.RootElement.EnumerateArray().Select(e => new PyResponse(
            e.GetProperty("status").GetInt32(),
            e.GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
            Convert.FromBase64String(e.GetProperty("body").GetString()!))).ToArray();
    }

    public static async Task<PyResponse> SendAsync(HttpFixtureServer server, string method, string target, Dictionary<string, string>? headers = null, byte[]? body = null) =>
        (await SendAsync(server, new PyRequest(method, target, headers, body)))[0];
}
