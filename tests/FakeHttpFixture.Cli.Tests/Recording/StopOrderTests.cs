using System.Globalization;
using System.Text.Json;
using FakeHttpFixture.Cli.Tests.Support;

namespace FakeHttpFixture.Cli.Tests.Recording;

/// <summary>
/// Issue 21, item 1: a stop loses nothing. fakehttp stops accepting, lets in-flight requests end or aborts them, writes every
/// record and the HAR, and only then lets the server delete its temp files (it used to delete spilled bodies first: exit 1 with
/// an ObjectDisposedException, a HAR cut off mid-entry, answered requests missing from index.jsonl).
/// </summary>
public sealed class StopOrderTests
{
    private const int Answered = 3;
    private const int BodySize = 2_200_000;
    private const int InFlightSent = 1_000_000;

    // Three 2.2 MB POSTs answered (spilled to temp files, over the 1 MiB threshold), then two uploads left half-sent, then
    // SIGTERM from here, and the sockets held until fakehttp closes them.
    private const string Script = """
        import http.client, os, signal, socket, sys
        port, pid = int(sys.argv[1]), int(sys.argv[2])
        for i in range(3):
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            c.request("POST", "/answered/%d" % i, body=bytes((j * 7 + i) % 256 for j in range(2_200_000)), headers={"Content-Type": "application/octet-stream"})
            print(c.getresponse().status); c.close()
        held = []
        for i in range(2):
            s = socket.create_connection(("127.0.0.1", port), timeout=60)
            s.sendall(b"POST /inflight/%d HTTP/1.1\r\nHost: t\r\nContent-Length: 5000000\r\nExpect: 100-continue\r\n\r\n" % i)
            # Kestrel says 100 Continue when fakehttp starts reading the body: the request is in flight.
            assert b"100 Continue" in s.recv(100)
            s.sendall(bytes([65 + i]) * 1_000_000)
            held.append(s)
        os.kill(pid, signal.SIGTERM)
        for s in held:
            try:
                while s.recv(65536):
                    pass
            except ConnectionResetError:
                pass
        print("closed")
        """;

    [Fact]
    public async Task Sigterm_with_spilled_bodies_and_uploads_in_flight_writes_every_request_to_every_output_and_exits_0()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir["site"]);
        Directory.CreateDirectory(dir["tmp"]);
        var environment = new Dictionary<string, string?> { ["TMPDIR"] = dir["tmp"] };
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, environment, "site", "--port", "0", "--record", "rec", "--har", "out.har");

        var (exit, output, error) = await ExternalProcess.PythonAsync(Script, RecordTests.Port(fakehttp), fakehttp.Id.ToString(CultureInfo.InvariantCulture));

        exit.ShouldBe(0, error);
        output.ShouldBe("200\n200\n200\nclosed\n");
        (await fakehttp.WaitForExitAsync()).ShouldBe(0, fakehttp.Error);
        fakehttp.Error.ShouldBeEmpty("no ObjectDisposedException, no warning");

        // The log: every request, the cut ones marked aborted with no duration.
        var lines = fakehttp.Output.Split('\n').Where(l => l.Contains(" POST ", StringComparison.Ordinal)).ToArray();
        lines.Count(l => l.Contains("/answered/", StringComparison.Ordinal) && l.Contains("  200  ", StringComparison.Ordinal)).ShouldBe(Answered, fakehttp.Output);
        lines.Count(l => l.Contains("/inflight/", StringComparison.Ordinal) && l.EndsWith("  aborted  -  -", StringComparison.Ordinal)).ShouldBe(2, fakehttp.Output);
        fakehttp.Output.ShouldContain($"Stopped after {Answered + 2} request(s); HAR written to {dir["out.har"]}");

        // The record: a line per request, answered bodies byte for byte, cut bodies as the prefix that arrived.
        var index = File.ReadAllLines(dir["rec/index.jsonl"]).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        index.Length.ShouldBe(Answered + 2);
        index.Select(e => e.GetProperty("sequence").GetInt64()).Order().ShouldBe([1, 2, 3, 4, 5]);
        foreach (var entry in index)
        {
            var path = entry.GetProperty("path").GetString()!;
            var bodyFile = entry.GetProperty("bodyFile");
            var body = bodyFile.ValueKind == JsonValueKind.Null ? [] : File.ReadAllBytes(Path.Combine(dir["rec"], bodyFile.GetString()!));
            body.LongLength.ShouldBe(entry.GetProperty("bodyLength").GetInt64());
            if (path.StartsWith("/answered/", StringComparison.Ordinal))
            {
                entry.GetProperty("status").GetInt32().ShouldBe(200);
                entry.GetProperty("aborted").GetBoolean().ShouldBeFalse();
                entry.GetProperty("durationMs").ValueKind.ShouldBe(JsonValueKind.Number);
                body.ShouldBe(Sent(int.Parse(path[^1..], CultureInfo.InvariantCulture)), path);
            }
            else
            {
                entry.GetProperty("status").GetInt32().ShouldBe(0);
                entry.GetProperty("aborted").GetBoolean().ShouldBeTrue();
                entry.GetProperty("durationMs").ValueKind.ShouldBe(JsonValueKind.Null);
                body.Length.ShouldBeLessThanOrEqualTo(InFlightSent);
                var expected = (byte)(path.EndsWith('0') ? 'A' : 'B');
                body.ShouldAllBe(b => b == expected);
            }
        }

        // The HAR: whole, valid JSON, every request, the cut ones with a comment that says so.
        using var har = JsonDocument.Parse(File.ReadAllText(dir["out.har"]));
        var entries = har.RootElement.GetProperty("log").GetProperty("entries").EnumerateArray().ToArray();
        entries.Length.ShouldBe(Answered + 2);
        foreach (var entry in entries)
        {
            var request = entry.GetProperty("request");
            var path = new Uri(request.GetProperty("url").GetString()!).AbsolutePath;
            if (path.StartsWith("/answered/", StringComparison.Ordinal))
            {
                var postData = request.GetProperty("postData");
                postData.GetProperty("encoding").GetString().ShouldBe("base64");
                Convert.FromBase64String(postData.GetProperty("text").GetString()!).ShouldBe(Sent(int.Parse(path[^1..], CultureInfo.InvariantCulture)));
                entry.GetProperty("response").GetProperty("status").GetInt32().ShouldBe(200);
            }
            else
            {
                entry.GetProperty("comment").GetString()!.ShouldContain("broke off");
                entry.GetProperty("response").GetProperty("status").GetInt32().ShouldBe(0);
            }
        }

        // And only then the temp files go.
        Directory.GetFileSystemEntries(dir["tmp"], "fakehttp-bodies-*").ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_a_har_a_spilled_body_leaves_the_temp_folder_as_soon_as_it_is_recorded()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir["site"]);
        Directory.CreateDirectory(dir["tmp"]);
        var environment = new Dictionary<string, string?> { ["TMPDIR"] = dir["tmp"] };
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, environment, "site", "--port", "0", "--record", "rec");
        const string Send = """
            import http.client, sys
            c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=60)
            c.request("POST", "/big", body=bytes(range(256)) * 12288)
            print(c.getresponse().status)
            """;

        var (exit, output, error) = await ExternalProcess.PythonAsync(Send, RecordTests.Port(fakehttp));
        exit.ShouldBe(0, error);
        output.ShouldBe("200\n");
        await fakehttp.WaitForLineAsync("/big");

        // The line is printed after the record is written and the temp file released.
        Directory.GetFiles(dir["tmp"], "*.body", SearchOption.AllDirectories).ShouldBeEmpty();
        File.ReadAllBytes(dir["rec/000001.body"]).Length.ShouldBe(256 * 12288);
        await fakehttp.SignalAsync("TERM");
        (await fakehttp.WaitForExitAsync()).ShouldBe(0, fakehttp.Error);
    }

    private static byte[] Sent(int i)
    {
        var bytes = new byte[BodySize];
        for (var j = 0; j < BodySize; j++)
        {
            bytes[j] = (byte)(((j * 7) + i) % 256);
        }

        return bytes;
    }
}
