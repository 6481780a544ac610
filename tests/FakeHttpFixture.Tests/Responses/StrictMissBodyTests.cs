using System.Net;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Responses;

/// <summary>The 501 of a strict server carries the miss report as plain UTF-8 text, so any client sees why: HttpClient, curl, Python.</summary>
public sealed class StrictMissBodyTests
{
    private const string Report = """
        #1 POST /orders?dry=1 matched no stub or file and was answered 501.
        The 2 stubs, nearest first:
          1. POST /orders (stub 1 of 2)
             ✓ method POST
             ✓ path /orders
             ✗ header X-Tenant: expected "acme", received "globex"
             ✗ query dry: expected "0", received "1"
          2. GET /orders/{id} (stub 2 of 2)
             ✗ method: expected GET, received POST
             ✗ path template /orders/{id}: received /orders, which ends before segment 2, {id}
        """;

    [Fact]
    public async Task HttpClient_reads_the_report_that_verify_gives()
    {
        await using var server = StubbedServer();
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "orders?dry=1") { Content = new StringContent("{}") };
        request.Headers.Add("X-Tenant", "globex");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotImplemented);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/plain; charset=utf-8");
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe(Body());
        Should.Throw<HttpFixtureVerificationException>(server.Verify).Problems.ShouldBe([Text(Report)]);
    }

    [Fact]
    public async Task Curl_prints_the_report()
    {
        await using var server = StubbedServer();

        var (exit, output, error) = await ExternalProcess.RunAsync("curl", "-sS", "-X", "POST", "-H", "X-Tenant: globex", "--data", "{}", server.Url("orders?dry=1").ToString());

        exit.ShouldBe(0, error);
        output.ShouldBe(Body());
    }

    [Fact]
    public async Task Python_urllib_reads_the_report_as_utf8()
    {
        await using var server = StubbedServer();
        const string Script = """
            import sys, urllib.request, urllib.error
            request = urllib.request.Request(sys.argv[1], data=b"{}", method="POST", headers={"X-Tenant": "globex"})
            try:
                urllib.request.urlopen(request)
            except urllib.error.HTTPError as e:
                sys.stdout.buffer.write(f"{e.code} {e.headers['Content-Type']}\n".encode() + e.read())
            """;

        var (exit, output, error) = await ExternalProcess.PythonAsync(Script, server.Url("orders?dry=1").ToString());

        exit.ShouldBe(0, error);
        output.ShouldBe("501 text/plain; charset=utf-8\n" + Body());
    }

    [Fact]
    public async Task Head_gets_501_without_a_body_and_verify_still_reports_it()
    {
        await using var server = StubbedServer();
        using var client = server.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "orders"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotImplemented);
        (await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        Should.Throw<HttpFixtureVerificationException>(server.Verify).Problems.ShouldHaveSingleItem()
            .ShouldStartWith("#1 HEAD /orders matched no stub or file and was answered 501.\nThe 2 stubs, nearest first:\n  1. POST /orders (stub 1 of 2)\n     ✗ method: expected POST, received HEAD");
    }

    private static HttpFixtureServer StubbedServer()
    {
        var server = HttpFixtureServer.Start(new FileTree(), o => o.Strict = true);
        server.Stub(HttpMethod.Post, "/orders").WithHeader("X-Tenant", "acme").WithQuery("dry", "0").Respond(201);
        server.Stub(HttpMethod.Get, "/orders/{id}").Respond(200);
        return server;
    }

    private static string Text(string report) => report.ReplaceLineEndings("\n").TrimEnd('\n');

    private static string Body() => $"FakeHttpFixture (strict): {Text(Report)}\nStub it with server.Stub(...), add the file, or leave Strict off.\n";
}
