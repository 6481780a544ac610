using System.Text.Json;
using FakeHttpFixture.Cli.Tests.Support;

namespace FakeHttpFixture.Cli.Tests.Recording;

/// <summary>SIGTERM and Ctrl+C (SIGINT) stop fakehttp cleanly, with the HAR file and the record written out.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Sigterm_stops_with_exit_code_0_and_writes_every_request_to_the_har_file()
    {
        using var dir = new TempDirectory();
        dir.Write("site/app.js", "console.log(1)");
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "site", "--port", "0", "--har", "journal.har");

        await ExternalProcess.RunAsync("curl", "-sS", new Uri(fakehttp.BaseAddress!, "app.js").ToString());
        await ExternalProcess.RunAsync("curl", "-sS", "-X", "PUT", "--data-binary", "v=2", new Uri(fakehttp.BaseAddress!, "settings").ToString());
        await fakehttp.WaitForLineAsync(" PUT ");
        File.Exists(dir["journal.har"]).ShouldBeFalse("the HAR file is written on exit");

        await fakehttp.SignalAsync("TERM");

        (await fakehttp.WaitForExitAsync()).ShouldBe(0, fakehttp.Error);
        fakehttp.Output.ShouldContain($"Stopped after 2 request(s); HAR written to {dir["journal.har"]}");
        using var har = JsonDocument.Parse(File.ReadAllText(dir["journal.har"]));
        var entries = har.RootElement.GetProperty("log").GetProperty("entries").EnumerateArray().ToArray();
        entries.Select(e => e.GetProperty("request").GetProperty("method").GetString() + " " + new Uri(e.GetProperty("request").GetProperty("url").GetString()!).AbsolutePath)
            .ShouldBe(["GET /app.js", "PUT /settings"]);
    }

    [Fact]
    public async Task Ctrl_c_stops_with_exit_code_0_and_leaves_the_record_and_har_complete()
    {
        using var dir = new TempDirectory();
        await using var fakehttp = await FakehttpProcess.ServeInterruptibleAsync(dir.Path, "--port", "0", "--record", "rec", "--har", "out.har");

        await ExternalProcess.RunAsync("curl", "-sS", "--data-binary", "last words", new Uri(fakehttp.BaseAddress!, "bye").ToString());
        await fakehttp.WaitForLineAsync("/bye");
        await fakehttp.SignalAsync("INT");

        (await fakehttp.WaitForExitAsync()).ShouldBe(0, fakehttp.Error);
        File.ReadAllText(dir["rec/000001.body"]).ShouldBe("last words");
        File.ReadAllLines(dir["rec/index.jsonl"]).Length.ShouldBe(1);
        using var har = JsonDocument.Parse(File.ReadAllText(dir["out.har"]));
        har.RootElement.GetProperty("log").GetProperty("entries").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Sigterm_with_a_client_still_connected_stops_well_within_the_hang_bound()
    {
        using var dir = new TempDirectory();
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "--port", "0", "--record", "rec");

        // A keep-alive connection that stays open must not hold up the stop.
        using var idle = new System.Net.Sockets.TcpClient();
        await idle.ConnectAsync("127.0.0.1", fakehttp.BaseAddress!.Port);
        await idle.GetStream().WriteAsync("GET /x HTTP/1.1\r\nHost: t\r\n\r\n"u8.ToArray());
        await fakehttp.WaitForLineAsync("/x");
        await fakehttp.SignalAsync("TERM");

        (await fakehttp.WaitForExitAsync(TimeSpan.FromSeconds(15))).ShouldBe(0, fakehttp.Error);
        File.ReadAllLines(dir["rec/index.jsonl"]).Length.ShouldBe(1);
    }
}
