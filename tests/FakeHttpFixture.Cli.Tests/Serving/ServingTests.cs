using FakeHttpFixture.Cli.Tests.Support;

namespace FakeHttpFixture.Cli.Tests.Serving;

/// <summary>fakehttp serves a directory to outside clients and prints a line per request.</summary>
public sealed class ServingTests
{
    [Fact]
    public async Task First_line_names_the_directory_and_a_url_that_serves_its_files_to_curl()
    {
        using var dir = new TempDirectory();
        dir.Write("site/hello.txt", "hello from disk\n");
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "site", "--port", "0");

        fakehttp.FirstLine.ShouldStartWith($"Serving {dir["site"]} at http://127.0.0.1:");
        fakehttp.BaseAddress!.Port.ShouldBeGreaterThan(0);
        var (exit, body, error) = await ExternalProcess.RunAsync("curl", "-sS", "--fail", new Uri(fakehttp.BaseAddress, "hello.txt").ToString());

        exit.ShouldBe(0, error);
        body.ShouldBe("hello from disk\n");
    }

    [Fact]
    public async Task Each_request_gets_a_line_with_method_path_status_and_response_size()
    {
        using var dir = new TempDirectory();
        dir.Write("hello.txt", "hi");
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "--port", "0");

        await ExternalProcess.RunAsync("curl", "-sS", new Uri(fakehttp.BaseAddress!, "hello.txt").ToString());
        var get = await fakehttp.WaitForLineAsync(" GET ");
        await ExternalProcess.RunAsync("curl", "-sS", "--data-binary", "twelve bytes", new Uri(fakehttp.BaseAddress!, "orders?id=7").ToString());
        var post = await fakehttp.WaitForLineAsync(" POST ");

        get.ShouldMatch(@"^\d\d:\d\d:\d\d\.\d{3}  GET /hello\.txt  200  2 B  [\d.]+ (ms|s)$");
        post.ShouldMatch(@"^\d\d:\d\d:\d\d\.\d{3}  POST /orders\?id=7  200  -  [\d.]+ (ms|s)  \[nothing answered\]$");
    }

    [Fact]
    public async Task Log_has_no_colour_codes_when_stdout_is_not_a_terminal()
    {
        using var dir = new TempDirectory();
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "--port", "0");

        await ExternalProcess.RunAsync("curl", "-sS", new Uri(fakehttp.BaseAddress!, "missing").ToString());
        var line = await fakehttp.WaitForLineAsync("/missing");

        line.ShouldContain("  404  ");
        line.ShouldEndWith("  [nothing answered]");
        line.ShouldNotContain("\e");
    }

    [Fact]
    public async Task Control_characters_in_a_path_are_printed_escaped_and_never_reach_the_terminal()
    {
        using var dir = new TempDirectory();
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "--port", "0");

        // %1B[2J would clear the terminal of whoever watches the log.
        await ExternalProcess.RunAsync("curl", "-sS", new Uri(fakehttp.BaseAddress!, "%1B%5B2Jgone%07").ToString());
        var line = await fakehttp.WaitForLineAsync("gone");

        line.ShouldContain(@"GET /\u001B[2Jgone\u0007  400");   // control characters in a path are a bad request
        line.ShouldNotContain("\e");
        line.ShouldNotContain("\a");
    }

    [Fact]
    public async Task Quiet_prints_the_url_but_no_request_lines()
    {
        using var dir = new TempDirectory();
        dir.Write("a.txt", "a");
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "--port", "0", "--quiet");

        var (exit, body, _) = await ExternalProcess.RunAsync("curl", "-sS", "--fail", new Uri(fakehttp.BaseAddress!, "a.txt").ToString());
        exit.ShouldBe(0);
        body.ShouldBe("a");
        await fakehttp.SignalAsync("TERM");
        (await fakehttp.WaitForExitAsync()).ShouldBe(0);

        fakehttp.Output.ShouldNotContain("a.txt");
        fakehttp.Output.ShouldContain("Stopped after 1 request(s)");
    }

    [Fact]
    public async Task A_directory_without_index_html_is_listed_to_python_http_client()
    {
        using var dir = new TempDirectory();
        dir.Write("reports/q1.csv", "a,b");
        dir.Write("reports/q2 final.csv", "c,d");
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "--port", "0");

        const string script = """
            import http.client, sys
            c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=30)
            c.request("GET", "/reports/")
            r = c.getresponse()
            print(r.status)
            print(r.read().decode())
            """;
        var (exit, output, error) = await ExternalProcess.PythonAsync(script, fakehttp.BaseAddress!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        exit.ShouldBe(0, error);
        output.ShouldStartWith("200\n");
        output.ShouldContain("q1.csv");
        output.ShouldContain("q2%20final.csv");
    }
}
