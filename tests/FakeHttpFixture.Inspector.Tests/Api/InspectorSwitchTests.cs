using System.Net;
using System.Net.Sockets;
using System.Text;
using FakeHttpFixture.Inspector.Tests.Support;

namespace FakeHttpFixture.Inspector.Tests.Api;

public sealed class InspectorSwitchTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_EnableInspector_the_prefix_is_an_ordinary_recorded_path()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();

        (await client.GetAsync("__fakehttp/", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        server.InspectorAddress.ShouldBeNull();
        server.Requests.Single().Path.ShouldBe("/__fakehttp/");
    }

    [Fact]
    public async Task A_running_server_can_turn_it_on_and_the_earlier_requests_are_listed()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" });
        using var client = server.CreateClient();
        await client.GetStringAsync("a.txt", Cancel);

        var address = server.EnableInspector();

        address.ShouldBe(new Uri(server.BaseAddress, "__fakehttp/"));
        server.EnableInspector().ShouldBe(address);
        server.InspectorAddress.ShouldBe(address);
        (await InspectorClient.GetJsonAsync(server, "api/requests")).GetArrayLength().ShouldBe(1);
        using var inspector = new HttpClient();
        (await inspector.GetAsync(new Uri(server.BaseAddress, "__fakehttp"), Cancel)).RequestMessage!.RequestUri.ShouldBe(address);
    }

    [Fact]
    public async Task A_client_that_names_a_host_other_than_loopback_is_refused()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.EnableInspector());

        var answer = await RawGetAsync(server.Port, "/__fakehttp/api/requests", "attacker.example");

        answer.ShouldStartWith("HTTP/1.1 403");
        answer.ShouldContain("loopback");
        server.Requests.ShouldBeEmpty();
        (await RawGetAsync(server.Port, "/__fakehttp/api/requests", $"localhost:{server.Port}")).ShouldStartWith("HTTP/1.1 200");
    }

    [Fact]
    public async Task The_inspector_only_reads()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.EnableInspector());
        using var client = new HttpClient { BaseAddress = server.InspectorAddress };

        using var response = await client.PostAsync("api/requests", new StringContent("x"), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_page_loads_nothing_from_elsewhere_and_runs_no_inline_script()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.EnableInspector());
        using var client = new HttpClient();

        using var page = await client.GetAsync(server.InspectorAddress, Cancel);
        var html = await page.Content.ReadAsStringAsync(Cancel);

        page.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'none'");
        html.ShouldNotContain("http://");
        html.ShouldNotContain("https://");
        html.ShouldNotContain("<script>");
        (html.Length + (await client.GetStringAsync(new Uri(server.InspectorAddress!, "inspector.js"), Cancel)).Length).ShouldBeLessThan(32 * 1024);
    }

    private static async Task<string> RawGetAsync(int port, string target, string host)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, port, Cancel);
        await using var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"), Cancel);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(Cancel);
    }
}
