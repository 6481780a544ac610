using System.Diagnostics;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Routing;

/// <summary>Child processes (curl, python3) reach two fake hosts by their real names through the forward proxy, with only the environment it gives.</summary>
public sealed class ForwardProxyTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Curl_reaches_two_fake_hosts_over_https_through_the_proxy()
    {
        await using var server = StartTwoHosts();

        var (exit, output, error) = await RunAsync(server, "curl", "-sS", "-w", " %{http_code}\\n", "https://api.github.com/zen", "https://eu.payments.example/v1/balance");

        exit.ShouldBe(0, error);
        output.ShouldBe("keep it simple 200\n{\"available\":500} 200\n");
        server.Requests.Select(r => r.Url.ToString()).ShouldBe(["https://api.github.com/zen", "https://eu.payments.example/v1/balance"]);
        server.Requests.ShouldAllBe(r => r.Scheme == "https");
    }

    [Fact]
    public async Task Curl_sends_plain_http_for_a_routed_name_in_origin_form()
    {
        await using var server = StartTwoHosts();

        var (exit, output, error) = await RunAsync(server, "curl", "-sS", "http://api.github.com/zen?x=1");

        exit.ShouldBe(0, error);
        output.ShouldBe("keep it simple");
        var request = server.Requests.ShouldHaveSingleItem();
        request.Url.ShouldBe(new Uri("http://api.github.com/zen?x=1"));
        request.RawTarget.ShouldBe("/zen?x=1");
        request.Header("Proxy-Connection").ShouldBeNull();
    }

    [Fact]
    public async Task Curl_is_refused_for_a_host_that_is_not_routed()
    {
        await using var server = StartTwoHosts();

        var (tunnel, _, tunnelError) = await RunAsync(server, "curl", "-sS", "https://www.bing.com/");
        var (plain, plainOutput, _) = await RunAsync(server, "curl", "-sS", "-w", "%{http_code}", "http://www.bing.com/");

        tunnel.ShouldNotBe(0);
        tunnelError.ShouldContain("403");
        plain.ShouldBe(0);
        plainOutput.ShouldContain("FakeHttpFixture sent nothing to www.bing.com:80");
        plainOutput.ShouldContain("routes only api.github.com, *.payments.example");
        plainOutput.ShouldEndWith("403");
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Python_reaches_two_fake_hosts_over_https_and_is_refused_elsewhere()
    {
        await using var server = StartTwoHosts();
        const string script = """
            import sys, urllib.request, urllib.error
            for url in sys.argv[1:]:
                try:
                    with urllib.request.urlopen(url, timeout=30) as response:
                        print(response.status, response.read().decode())
                except urllib.error.URLError as error:
                    print("refused", error.reason)
            """;

        var (exit, output, error) = await RunAsync(server, "python3", "-c", script, "https://api.github.com/zen", "https://eu.payments.example/v1/balance", "https://pypi.org/simple/");

        exit.ShouldBe(0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("200 keep it simple");
        lines[1].ShouldBe("200 {\"available\":500}");
        lines[2].ShouldStartWith("refused Tunnel connection failed: 403 pypi.org is not routed by FakeHttpFixture");
        server.Requests.Select(r => r.Host).ShouldBe(["api.github.com", "eu.payments.example"]);
    }

    [Fact]
    public async Task A_request_sent_to_the_proxy_rather_than_through_it_gets_400()
    {
        await using var server = StartTwoHosts();

        var (exit, output, error) = await ExternalProcess.RunAsync("curl", "-sS", "--noproxy", "*", "-w", " %{http_code}", server.ProxyAddress!.ToString());

        exit.ShouldBe(0, error);
        output.ShouldContain("This is a forward proxy");
        output.ShouldEndWith(" 400");
    }

    [Fact]
    public async Task Dispose_ends_an_open_tunnel_and_deletes_the_pem()
    {
        var server = StartTwoHosts();
        var pem = server.GetProxyEnvironment()["SSL_CERT_FILE"];
        using var tunnel = new System.Net.Sockets.TcpClient();
        await tunnel.ConnectAsync(server.ProxyAddress!.Host, server.ProxyAddress.Port, Token);
        var stream = tunnel.GetStream();
        await stream.WriteAsync("CONNECT api.github.com:443 HTTP/1.1\r\nHost: api.github.com:443\r\n\r\n"u8.ToArray(), Token);
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer, Token);
        System.Text.Encoding.ASCII.GetString(buffer, 0, read).ShouldStartWith("HTTP/1.1 200");
        File.Exists(pem).ShouldBeTrue();

        await server.DisposeAsync();

        (await stream.ReadAsync(buffer, Token)).ShouldBe(0);
        File.Exists(pem).ShouldBeFalse();
    }

    private static HttpFixtureServer StartTwoHosts()
    {
        var server = HttpFixtureServer.Start(o =>
        {
            o.ForHosts("api.github.com", "*.payments.example");
            o.EnableForwardProxy = true;
        });
        server.Stub(HttpMethod.Get, "/zen").Respond(StubResponse.Text("keep it simple"));
        server.Stub(HttpMethod.Get, "https://eu.payments.example/v1/balance").Respond(StubResponse.Json(new { available = 500 }));
        return server;
    }

    // The child gets the proxy environment and nothing else of ours: no --proxy, no --cacert.
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(HttpFixtureServer server, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in server.GetProxyEnvironment())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Token);
        var error = process.StandardError.ReadToEndAsync(Token);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within 60 s.");
        }

        return (process.ExitCode, await output, await error);
    }
}
