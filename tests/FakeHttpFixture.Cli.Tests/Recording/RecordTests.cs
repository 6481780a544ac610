using System.Globalization;
using System.Text.Json;
using FakeHttpFixture.Cli.Tests.Support;

namespace FakeHttpFixture.Cli.Tests.Recording;

/// <summary>--record DIR writes every request body to its own file and a line per request to DIR/index.jsonl, as requests arrive.</summary>
public sealed class RecordTests
{
    private const string SendPostAndPut = """
        import http.client, sys
        c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=30)
        c.request("POST", "/upload?kind=binary", body=bytes(range(256)) * 4, headers={"Content-Type": "application/octet-stream", "X-Trace": "t-1"})
        print(c.getresponse().status); c.close()
        c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=30)
        c.request("PUT", "/docs/note.json", body='{"note":"é ✓"}'.encode("utf-8"), headers={"Content-Type": "application/json"})
        print(c.getresponse().status); c.close()
        c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=30)
        c.request("GET", "/nothing")
        print(c.getresponse().status); c.close()
        """;

    [Fact]
    public async Task Post_and_put_bodies_are_recorded_byte_for_byte_with_an_index_line_each()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir["site"]);
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "site", "--port", "0", "--record", "rec");

        var (exit, output, error) = await ExternalProcess.PythonAsync(SendPostAndPut, Port(fakehttp));
        exit.ShouldBe(0, error);
        output.ShouldBe("200\n200\n404\n");
        await fakehttp.WaitForLineAsync("/nothing");

        // Read while fakehttp still runs: the record is written as requests complete, not only at exit.
        var index = ReadIndex(dir["rec"]);
        index.Select(e => $"{e.GetProperty("sequence").GetInt64()} {e.GetProperty("method").GetString()} {e.GetProperty("path").GetString()}{e.GetProperty("query").GetString()} {e.GetProperty("status").GetInt32()}")
            .ShouldBe(["1 POST /upload?kind=binary 200", "2 PUT /docs/note.json 200", "3 GET /nothing 404"]);

        var post = index[0];
        post.GetProperty("bodyLength").GetInt64().ShouldBe(1024);
        post.GetProperty("headers").GetProperty("X-Trace")[0].GetString().ShouldBe("t-1");
        File.ReadAllBytes(Path.Combine(dir["rec"], post.GetProperty("bodyFile").GetString()!))
            .ShouldBe(Enumerable.Repeat(Enumerable.Range(0, 256).Select(i => (byte)i), 4).SelectMany(b => b).ToArray());

        var put = index[1];
        File.ReadAllText(Path.Combine(dir["rec"], put.GetProperty("bodyFile").GetString()!)).ShouldBe("""{"note":"é ✓"}""");
        index[2].GetProperty("bodyFile").ValueKind.ShouldBe(JsonValueKind.Null);
        Directory.GetFiles(dir["rec"]).Length.ShouldBe(3, "index.jsonl and one file per body, none for the GET");
    }

    [Fact]
    public async Task Record_refuses_a_directory_that_already_holds_a_recording_rather_than_mix_two()
    {
        using var dir = new TempDirectory();
        dir.Write("rec/index.jsonl", """{"sequence":1}""" + "\n");
        await using var fakehttp = FakehttpProcess.Start(dir.Path, null, "--port", "0", "--record", "rec");

        (await fakehttp.WaitForExitAsync()).ShouldNotBe(0);

        fakehttp.Error.ShouldBe($"fakehttp: --record '{dir["rec"]}' already holds a recording (index.jsonl); give a new or empty directory, or delete that one first.\n");
        File.ReadAllText(dir["rec/index.jsonl"]).ShouldBe("""{"sequence":1}""" + "\n");
    }

    [Fact]
    public async Task A_body_spilled_to_disk_is_recorded_byte_for_byte()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir["site"]);
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "site", "--port", "0", "--record", "rec");

        // 3 MiB is well over the memory threshold, so the server keeps the body in a temp file and the recorder copies it from there.
        const string SendLargePut = """
            import http.client, sys
            c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=60)
            c.request("PUT", "/big.bin", body=bytes(range(251)) * 12533, headers={"Content-Type": "application/octet-stream"})
            print(c.getresponse().status); c.close()
            """;
        var (exit, output, error) = await ExternalProcess.PythonAsync(SendLargePut, Port(fakehttp));
        exit.ShouldBe(0, error);
        output.ShouldBe("200\n");
        await fakehttp.WaitForLineAsync("/big.bin");

        var put = ReadIndex(dir["rec"]).ShouldHaveSingleItem();
        put.GetProperty("bodyLength").GetInt64().ShouldBe(251 * 12533);
        var expected = Enumerable.Repeat(Enumerable.Range(0, 251).Select(i => (byte)i), 12533).SelectMany(b => b).ToArray();
        File.ReadAllBytes(Path.Combine(dir["rec"], put.GetProperty("bodyFile").GetString()!)).AsSpan().SequenceEqual(expected).ShouldBeTrue("the body file holds exactly the bytes sent");
    }

    [Fact]
    public async Task Requests_are_still_recorded_after_standard_output_is_closed()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir["site"]);

        // As with `fakehttp --port 0 --record rec | head -n 1`: the reader of stdout takes the first line and goes away.
        const string Script = """
            import http.client, re, signal, subprocess, sys
            p = subprocess.Popen([sys.argv[1], sys.argv[2], "site", "--port", "0", "--record", "rec"], cwd=sys.argv[3],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            port = int(re.search(r"127\.0\.0\.1:(\d+)/", p.stdout.readline().decode()).group(1))
            p.stdout.close()
            for i in range(3):
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                c.request("POST", "/up/%d" % i, body=b"body %d" % i)
                print(c.getresponse().status); c.close()
            p.send_signal(signal.SIGTERM)
            err = p.stderr.read().decode()
            print(p.wait())
            sys.stderr.write(err)
            """;
        var (exit, output, error) = await ExternalProcess.PythonAsync(Script, FakehttpProcess.DotnetHost(), FakehttpProcess.ToolPath, dir.Path);

        exit.ShouldBe(0, error);
        output.ShouldBe("200\n200\n200\n0\n", error);
        ReadIndex(dir["rec"]).Select(e => e.GetProperty("path").GetString()).ShouldBe(["/up/0", "/up/1", "/up/2"]);
        File.ReadAllText(Path.Combine(dir["rec"], "000003.body")).ShouldBe("body 2");
    }

    internal static string Port(FakehttpProcess fakehttp) => fakehttp.BaseAddress!.Port.ToString(CultureInfo.InvariantCulture);

    private static JsonElement[] ReadIndex(string recordDirectory)
    {
        using var reader = new StreamReader(new FileStream(Path.Combine(recordDirectory, "index.jsonl"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return [.. lines.Select(line => JsonDocument.Parse(line).RootElement)];
    }
}
