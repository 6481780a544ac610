using System.Text.Json;
using FakeHttpFixture.Cli.Tests.Support;

namespace FakeHttpFixture.Cli.Tests.Serving;

/// <summary>fakehttp serves the inspector at /__fakehttp/ by default and prints its address; --no-inspector turns it off.</summary>
public sealed class InspectorTests
{
    [Fact]
    public async Task The_inspector_address_is_printed_at_start_and_lists_what_curl_sent()
    {
        using var dir = new TempDirectory();
        dir.Write("site/hello.txt", "hi");
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "site", "--port", "0");

        var line = await fakehttp.WaitForLineAsync("Inspector: ");
        var inspector = new Uri(fakehttp.BaseAddress!, "__fakehttp/");
        line.ShouldStartWith($"Inspector: {inspector} ");
        (await ExternalProcess.RunAsync("curl", "-sS", "--data-binary", "{\"a\":1}", "-H", "Content-Type: application/json", new Uri(fakehttp.BaseAddress!, "orders").ToString())).ExitCode.ShouldBe(0);
        await fakehttp.WaitForLineAsync(" POST ");

        var (exit, list, error) = await ExternalProcess.RunAsync("curl", "-sS", "--fail", new Uri(inspector, "api/requests").ToString());
        exit.ShouldBe(0, error);
        using var requests = JsonDocument.Parse(list);
        requests.RootElement.EnumerateArray().Select(r => r.GetProperty("target").GetString()).ShouldBe(["/orders"]);
        var (_, detail, _) = await ExternalProcess.RunAsync("curl", "-sS", "--fail", new Uri(inspector, "api/requests/1").ToString());
        using var request = JsonDocument.Parse(detail);
        request.RootElement.GetProperty("body").GetProperty("text").GetString().ShouldBe("{\n  \"a\": 1\n}");

        await fakehttp.SignalAsync("TERM");
        (await fakehttp.WaitForExitAsync()).ShouldBe(0, fakehttp.Error);
        fakehttp.Output.ShouldContain("Stopped after 1 request(s)");
    }

    [Fact]
    public async Task No_inspector_turns_it_off_and_prints_no_address()
    {
        using var dir = new TempDirectory();
        dir.Write("site/hello.txt", "hi");
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "site", "--port", "0", "--no-inspector");

        var (_, status, _) = await ExternalProcess.RunAsync("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", new Uri(fakehttp.BaseAddress!, "__fakehttp/").ToString());
        await fakehttp.WaitForLineAsync(" GET /__fakehttp/ ");

        status.ShouldBe("404");
        await fakehttp.SignalAsync("TERM");
        (await fakehttp.WaitForExitAsync()).ShouldBe(0, fakehttp.Error);
        fakehttp.Output.ShouldNotContain("Inspector");
    }
}
