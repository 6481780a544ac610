using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace FakeHttpFixture.Tests.Responses;

public sealed class FaultTests
{
    [Fact]
    public async Task Reset_connection_fails_the_request_with_a_connection_reset()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["ok.txt"] = "ok" });
        server.Stub(HttpMethod.Get, "/reset").Respond(StubResponse.ResetConnection());
        using var client = server.CreateClient();

        var ex = await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("reset", TestContext.Current.CancellationToken));

        ex.Message.ShouldBe("An error occurred while sending the request.");
        var io = ex.InnerException.ShouldBeAssignableTo<IOException>()!;
        io.InnerException.ShouldBeOfType<SocketException>().SocketErrorCode.ShouldBe(SocketError.ConnectionReset);
        (await client.GetStringAsync("ok.txt", TestContext.Current.CancellationToken)).ShouldBe("ok");
    }

    [Fact]
    public async Task A_reset_on_a_reused_connection_fails_the_request_without_a_hidden_retry()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["ok.txt"] = "ok" });
        using var client = server.CreateClient();
        (await client.GetStringAsync("ok.txt", TestContext.Current.CancellationToken)).ShouldBe("ok");
        server.Enqueue(StubResponse.ResetConnection()).Enqueue(StubResponse.Text("second try"));

        // The reset reaches the caller: HttpClient does not quietly resend the request, and the queued answer stays for the next one.
        var ex = await Should.ThrowAsync<HttpRequestException>(() => client.GetStringAsync("data", TestContext.Current.CancellationToken));

        ex.InnerException.ShouldBeAssignableTo<IOException>();
        server.Requests.Select(r => r.Path).ShouldBe(["/ok.txt", "/data"]);
        (await client.GetStringAsync("data", TestContext.Current.CancellationToken)).ShouldBe("second try");
    }

    [Fact]
    public async Task Close_after_headers_gives_the_status_then_fails_reading_the_body()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/half").Respond(StubResponse.Text("never sent").CloseAfterHeaders());
        using var client = server.CreateClient();

        using var response = await client.GetAsync("half", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentLength.ShouldBe(10);
        var ex = await Should.ThrowAsync<HttpRequestException>(() => response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        ex.Message.ShouldBe("Error while copying content to a stream.");
        ex.InnerException.ShouldBeAssignableTo<IOException>()!.Message.ShouldContain("The response ended prematurely");
    }

    [Fact]
    public async Task Truncated_body_promises_the_whole_length_and_delivers_only_the_first_bytes()
    {
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/file.bin").Respond(StubResponse.Bytes(bytes).TruncateAfter(300));
        using var client = server.CreateClient();

        using var response = await client.GetAsync("file.bin", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        response.Content.Headers.ContentLength.ShouldBe(1000);
        await using var body = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var received = new MemoryStream();
        var ex = await Should.ThrowAsync<IOException>(() => body.CopyToAsync(received, TestContext.Current.CancellationToken));

        ex.Message.ShouldContain("The response ended prematurely");
        received.ToArray().ShouldBe(bytes[..300]);
    }

    [Fact]
    public async Task Malformed_status_line_is_reported_as_an_invalid_response()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["ok.txt"] = "ok" });
        server.Enqueue(StubResponse.MalformedStatusLine());
        using var client = server.CreateClient();

        var ex = await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("x", TestContext.Current.CancellationToken));

        ex.HttpRequestError.ShouldBe(HttpRequestError.InvalidResponse);
        ex.Message.ShouldBe("Received an invalid status line: 'SSH-2.0-NotHttp garbage instead of a status line'.");
        (await client.GetStringAsync("ok.txt", TestContext.Current.CancellationToken)).ShouldBe("ok");
    }

    [Fact]
    public async Task Http2_stream_reset_fails_only_that_request_with_its_error_code()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["ok.txt"] = "ok" }, o => o.Http2Cleartext = true);
        server.Stub(HttpMethod.Get, "/reset").Respond(StubResponse.ResetStream(errorCode: 0x8));
        using var client = server.CreateClient();
        client.DefaultRequestVersion = HttpVersion.Version20;
        client.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;

        var ex = await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("reset", TestContext.Current.CancellationToken));

        var protocol = ex.InnerException.ShouldBeOfType<HttpProtocolException>();
        protocol.ErrorCode.ShouldBe(0x8);
        protocol.Message.ShouldContain("CANCEL");
        using var ok = await client.GetAsync("ok.txt", TestContext.Current.CancellationToken);
        ok.Version.ShouldBe(HttpVersion.Version20);
        (await ok.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("ok");
        server.Requests[0].Protocol.ShouldBe("HTTP/2");
    }

    [Fact]
    public async Task Stream_reset_on_http11_resets_the_connection()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/reset").Respond(StubResponse.ResetStream());
        using var client = server.CreateClient();

        var ex = await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("reset", TestContext.Current.CancellationToken));

        ex.InnerException.ShouldBeAssignableTo<IOException>();
    }

    [Fact]
    public async Task A_fault_after_a_delay_lets_a_client_timeout_be_tested_against_a_reset()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/late-reset").Respond(StubResponse.ResetConnection().WithDelay(TimeSpan.FromMilliseconds(200)));
        using var client = server.CreateClient();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("late-reset", TestContext.Current.CancellationToken));

        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(150));
    }
}
