using System.Text.Json;
using FakeHttpFixture.Cli.Tests.Support;

namespace FakeHttpFixture.Cli.Tests.Recording;

/// <summary>
/// fakehttp --proxy URL --har FILE records a service while serving it; fakehttp --replay FILE serves the recording with the
/// service gone. The "service" is another fakehttp on loopback, and Python's http.client is the client.
/// </summary>
public sealed class ProxyAndReplayTests
{
    // Prints status, Content-Type and the body's bytes as hex for each path, so two runs compare byte for byte.
    private const string Fetch = """
        import http.client, sys
        for path in sys.argv[2:]:
            c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=30)
            c.request("GET", path)
            r = c.getresponse()
            print(path, r.status, r.getheader("Content-Type"), r.read().hex())
            c.close()
        """;

    [Fact]
    public async Task A_recording_made_with_proxy_and_har_replays_the_same_answers_with_the_service_gone()
    {
        using var dir = new TempDirectory();
        dir.Write("site/api/items.json", """{"items":["kettle","teapot"]}""");
        dir.Write("site/notes.txt", "Grüße\n");
        File.WriteAllBytes(dir["site/logo.bin"], [0, 1, 2, 250, 255]);
        string[] paths = ["/api/items.json", "/notes.txt", "/logo.bin", "/missing"];
        string recorded;
        await using (var service = await FakehttpProcess.ServeAsync(dir.Path, "site", "--port", "0", "--quiet"))
        {
            await using var recorder = await FakehttpProcess.ServeAsync(dir.Path, "--proxy", service.BaseAddress!.ToString(), "--har", "service.har", "--port", "0");
            recorder.FirstLine.ShouldBe($"Serving {recorder.BaseAddress}, forwarding to {service.BaseAddress} — Ctrl+C to stop", "the address to use comes first");
            recorder.BaseAddress.ShouldNotBe(service.BaseAddress);
            (await recorder.ReadLineAsync()).ShouldBe($"Proxying what nothing else answers to {service.BaseAddress}; the recording goes to {dir["service.har"]} on exit");

            var (exit, output, error) = await ExternalProcess.PythonAsync(Fetch, [recorder.BaseAddress!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. paths]);
            exit.ShouldBe(0, error);
            recorded = output;
            await recorder.WaitForLineAsync("/missing");
            await recorder.SignalAsync("TERM");
            (await recorder.WaitForExitAsync()).ShouldBe(0, recorder.Error);
        }

        recorded.ShouldContain("/api/items.json 200 application/json");
        recorded.ShouldContain("/missing 404");
        using (var har = JsonDocument.Parse(File.ReadAllText(dir["service.har"])))
        {
            har.RootElement.GetProperty("log").GetProperty("entries").GetArrayLength().ShouldBe(4);
        }

        await using var replay = await FakehttpProcess.ServeAsync(dir.Path, "--replay", "service.har", "--port", "0");
        replay.FirstLine.ShouldStartWith($"Serving {dir["service.har"]} at ");

        var (replayExit, replayed, replayError) = await ExternalProcess.PythonAsync(Fetch, [replay.BaseAddress!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. paths]);

        replayExit.ShouldBe(0, replayError);
        replayed.ShouldBe(recorded);
    }

    [Fact]
    public async Task A_malformed_har_given_to_replay_stops_fakehttp_with_the_line_that_is_wrong()
    {
        using var dir = new TempDirectory();
        dir.Write("bad.har", "{\n  \"log\": {\n    \"entries\": 3\n  }\n}\n");
        await using var fakehttp = FakehttpProcess.Start(dir.Path, null, "--replay", "bad.har", "--port", "0");

        (await fakehttp.WaitForExitAsync()).ShouldBe(1);
        fakehttp.Error.ShouldBe($"fakehttp: --replay: The HAR file '{dir["bad.har"]}' cannot be replayed: line 3: log.entries must be an array; it is the number 3. Fix the file, or record it again.\n");
    }

    [Fact]
    public async Task A_replay_file_that_does_not_exist_is_a_usage_error_in_fakehttps_words()
    {
        using var dir = new TempDirectory();
        await using var fakehttp = FakehttpProcess.Start(dir.Path, null, "--replay", "nowhere.har", "--port", "0");

        (await fakehttp.WaitForExitAsync()).ShouldBe(2);
        fakehttp.Error.ShouldStartWith($"fakehttp: --replay '{dir["nowhere.har"]}': the file does not exist.");
    }

    [Fact]
    public async Task A_proxy_address_that_is_not_an_http_url_is_a_usage_error()
    {
        using var dir = new TempDirectory();
        await using var fakehttp = FakehttpProcess.Start(dir.Path, null, "--proxy", "ftp://files.example.com/", "--port", "0");

        (await fakehttp.WaitForExitAsync()).ShouldBe(2);
        fakehttp.Error.ShouldStartWith("fakehttp: --proxy 'ftp://files.example.com/' is not an http:// or https:// URL");
    }
}
