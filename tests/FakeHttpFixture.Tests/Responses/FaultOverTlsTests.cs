using System.Net;
using System.Net.Sockets;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Responses;

/// <summary>Faults and CORS played over TLS (HTTP/1.1 and HTTP/2 by ALPN) reach the client as they do over plain HTTP.</summary>
public sealed class FaultOverTlsTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Reset_connection_over_tls_fails_the_request_with_a_connection_reset()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["ok.txt"] = "ok" }, o => o.UseHttps());
        server.Stub(HttpMethod.Get, "/reset").Respond(StubResponse.ResetConnection());
        using var client = server.CreateClient();

        var ex = await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("reset", TestContext.Current.CancellationToken));

        ex.InnerException.ShouldBeAssignableTo<IOException>()!.InnerException.ShouldBeOfType<SocketException>().SocketErrorCode.ShouldBe(SocketError.ConnectionReset);
        (await client.GetStringAsync("ok.txt", TestContext.Current.CancellationToken)).ShouldBe("ok");
        var r = server.Requests[0];
        r.Scheme.ShouldBe("https");
        r.Fault.ShouldBe(ResponseFault.ResetConnection);
    }

    [Fact]
    public async Task Truncated_body_over_tls_delivers_exactly_the_first_bytes_then_fails()
    {
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.UseHttps());
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
    public async Task Truncated_body_over_http2_sends_the_first_bytes_then_resets_the_stream()
    {
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        await using var server = HttpFixtureServer.Start(new FileTree { ["ok.txt"] = "ok" }, o =>
        {
            o.UseHttps();
            o.ClientPrefersHttp2 = true;
        });
        server.Stub(HttpMethod.Get, "/file.bin").Respond(StubResponse.Bytes(bytes).TruncateAfter(300));
        using var client = server.CreateClient();

        using var response = await client.GetAsync("file.bin", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        response.Version.ShouldBe(HttpVersion.Version20);
        response.Content.Headers.ContentLength.ShouldBe(1000);
        await using var body = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var received = new MemoryStream();
        var ex = await Should.ThrowAsync<HttpProtocolException>(() => body.CopyToAsync(received, TestContext.Current.CancellationToken));

        // HttpClient drops the bytes of a reset stream it had not yet handed out, so the caller sees at most the first 300.
        ex.ErrorCode.ShouldBe(0x2);
        received.Length.ShouldBeLessThanOrEqualTo(300);
        received.ToArray().ShouldBe(bytes[..(int)received.Length]);
        using var ok = await client.GetAsync("ok.txt", TestContext.Current.CancellationToken);
        (await ok.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("ok");
        var r = server.Requests[0];
        r.Protocol.ShouldBe("HTTP/2");
        r.ResponseBodyLength.ShouldBe(300);
        r.Fault.ShouldBe(ResponseFault.TruncateAfter);
    }

    [Fact]
    public async Task Truncated_body_over_http2_ends_in_a_stream_error_curl_reports()
    {
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.UseHttps());
        server.Stub(HttpMethod.Get, "/file.bin").Respond(StubResponse.Bytes(bytes).TruncateAfter(300));
        using var temp = new TempDirectory();
        var pem = System.IO.Path.Combine(temp.Path, "server.pem");
        var output = System.IO.Path.Combine(temp.Path, "file.bin");
        server.SaveCertificatePem(pem);

        var (exit, _, error) = await ExternalProcess.RunAsync("curl", "-sS", "--cacert", pem, "--http2", "-o", output, server.Url("file.bin").ToString());

        // curl's "HTTP/2 stream was not closed cleanly"; the bytes before the reset may be dropped by Kestrel, never more sent.
        exit.ShouldBe(92, error);
        error.ShouldContain("INTERNAL_ERROR");
        var received = File.Exists(output) ? await File.ReadAllBytesAsync(output, TestContext.Current.CancellationToken) : [];
        received.ShouldBe(bytes[..received.Length]);
        received.Length.ShouldBeLessThanOrEqualTo(300);
        server.Requests.ShouldHaveSingleItem().Protocol.ShouldBe("HTTP/2");
    }

    [Fact]
    public async Task Close_after_headers_over_http2_gives_the_status_then_resets_the_stream()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["ok.txt"] = "ok" }, o =>
        {
            o.UseHttps();
            o.ClientPrefersHttp2 = true;
        });
        server.Stub(HttpMethod.Get, "/half").Respond(StubResponse.Text("never sent").CloseAfterHeaders());
        using var client = server.CreateClient();

        using var response = await client.GetAsync("half", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        response.Version.ShouldBe(HttpVersion.Version20);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var body = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var ex = await Should.ThrowAsync<HttpProtocolException>(() => body.CopyToAsync(Stream.Null, TestContext.Current.CancellationToken));

        ex.ErrorCode.ShouldBe(0x2);
        (await client.GetStringAsync("ok.txt", TestContext.Current.CancellationToken)).ShouldBe("ok");
    }

    [Fact]
    public async Task Close_after_headers_over_tls_gives_the_status_then_fails_reading_the_body()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.UseHttps());
        server.Stub(HttpMethod.Get, "/half").Respond(StubResponse.Text("never sent").CloseAfterHeaders());
        using var client = server.CreateClient();

        using var response = await client.GetAsync("half", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var ex = await Should.ThrowAsync<HttpRequestException>(() => response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        ex.InnerException.ShouldBeAssignableTo<IOException>()!.Message.ShouldContain("The response ended prematurely");
    }

    [Fact]
    public async Task Http2_stream_reset_over_tls_fails_only_that_request_with_its_error_code()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["ok.txt"] = "ok" }, o =>
        {
            o.UseHttps();
            o.ClientPrefersHttp2 = true;
        });
        server.Stub(HttpMethod.Get, "/reset").Respond(StubResponse.ResetStream(errorCode: 0x8));
        using var client = server.CreateClient();

        var ex = await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("reset", TestContext.Current.CancellationToken));

        ex.InnerException.ShouldBeOfType<HttpProtocolException>().ErrorCode.ShouldBe(0x8);
        using var ok = await client.GetAsync("ok.txt", TestContext.Current.CancellationToken);
        ok.Version.ShouldBe(HttpVersion.Version20);
        (await ok.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("ok");
        var r = server.Requests;
        r[0].Protocol.ShouldBe("HTTP/2");
        r[0].StatusCode.ShouldBe(0);
        r[0].Fault.ShouldBe(ResponseFault.ResetStream);
        r[1].ConnectionId.ShouldBe(r[0].ConnectionId);
    }

    [Fact]
    public async Task Http2_stream_reset_over_tls_with_a_pinned_request_version()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.UseHttps());
        server.Stub(HttpMethod.Get, "/reset").Respond(StubResponse.ResetStream());
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "reset") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };

        var ex = await Should.ThrowAsync<HttpRequestException>(() => client.SendAsync(request, TestContext.Current.CancellationToken));

        ex.InnerException.ShouldBeOfType<HttpProtocolException>().ErrorCode.ShouldBe(0x2);
    }

    [Fact]
    public async Task Malformed_status_line_over_tls_is_reported_as_an_invalid_response()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["ok.txt"] = "ok" }, o => o.UseHttps());
        server.Enqueue(StubResponse.MalformedStatusLine());
        using var client = server.CreateClient();

        var ex = await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("x", TestContext.Current.CancellationToken));

        ex.HttpRequestError.ShouldBe(HttpRequestError.InvalidResponse);
        ex.Message.ShouldBe("Received an invalid status line: 'SSH-2.0-NotHttp garbage instead of a status line'.");
        (await client.GetStringAsync("ok.txt", TestContext.Current.CancellationToken)).ShouldBe("ok");
    }

    [Fact]
    public async Task Hang_over_http2_holds_until_the_client_gives_up_and_leaves_the_connection_serving()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["ok.txt"] = "ok" }, o =>
        {
            o.UseHttps();
            o.ClientPrefersHttp2 = true;
        });
        server.Enqueue(StubResponse.Hang());
        using var client = server.CreateClient();
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var call = client.GetAsync("slow", giveUp.Token);
        await server.WaitForRequestAsync(timeout: Generous, cancellationToken: TestContext.Current.CancellationToken);
        call.IsCompleted.ShouldBeFalse();
        await giveUp.CancelAsync();
        await Should.ThrowAsync<TaskCanceledException>(() => call);

        (await client.GetStringAsync("ok.txt", TestContext.Current.CancellationToken)).ShouldBe("ok");
    }

    [Fact]
    public async Task Cors_preflight_over_tls_and_http2_is_answered_with_the_origin_allowed()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["data.json"] = "{}" }, o =>
        {
            o.UseHttps();
            o.ClientPrefersHttp2 = true;
            o.EnableCors = true;
        });
        using var client = server.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "data.json");
        preflight.Headers.Add("Origin", "https://app.test");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");

        using var answer = await client.SendAsync(preflight, TestContext.Current.CancellationToken);
        using var get = new HttpRequestMessage(HttpMethod.Get, "data.json");
        get.Headers.Add("Origin", "https://app.test");
        using var data = await client.SendAsync(get, TestContext.Current.CancellationToken);

        answer.Version.ShouldBe(HttpVersion.Version20);
        answer.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        answer.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["https://app.test"]);
        data.StatusCode.ShouldBe(HttpStatusCode.OK);
        data.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["https://app.test"]);
        server.Requests.Select(r => (r.Responder, r.Scheme, r.Protocol)).ShouldBe([(Responder.Cors, "https", "HTTP/2"), (Responder.File, "https", "HTTP/2")]);
        server.Requests[1].ResponseHeaders["Access-Control-Allow-Origin"].ShouldBe(["https://app.test"]);
    }

    [Fact]
    public async Task Cors_preflight_over_tls_http11_is_answered()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o =>
        {
            o.UseHttps();
            o.EnableCors = true;
        });
        using var client = server.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "api/orders");
        preflight.Headers.Add("Origin", "https://app.test");
        preflight.Headers.Add("Access-Control-Request-Method", "PUT");

        using var answer = await client.SendAsync(preflight, TestContext.Current.CancellationToken);

        answer.Version.ShouldBe(HttpVersion.Version11);
        answer.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        string.Join(",", answer.Headers.GetValues("Access-Control-Allow-Methods")).ShouldContain("PUT");
    }
}
