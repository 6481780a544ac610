using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Responses;

/// <summary>StubResponse.TruncateAfter promises the whole Content-Length and breaks off after the first bytes.</summary>
public sealed class TruncateAfterTests
{
    [Theory]
    [InlineData(Transport.Http11, 300)]
    [InlineData(Transport.Http11Tls, 300)]
    [InlineData(Transport.Http2, 300)]
    [InlineData(Transport.Http2Tls, 300)]
    [InlineData(Transport.Http11, 0)]
    [InlineData(Transport.Http11Tls, 0)]
    [InlineData(Transport.Http2, 0)]
    [InlineData(Transport.Http2Tls, 0)]
    public async Task Truncated_body_promises_the_whole_length_and_delivers_only_the_first_bytes(Transport transport, int sent)
    {
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        await using var fixture = TransportServer.Start(transport, new FileTree { ["ok.txt"] = "ok" });
        fixture.Server.Stub(HttpMethod.Get, "/file.bin").Respond(StubResponse.Bytes(bytes).TruncateAfter(sent));
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync("file.bin", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        fixture.ShouldHaveNegotiated(response);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        response.Content.Headers.ContentLength.ShouldBe(1000);
        await using var body = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var received = new MemoryStream();
        var ex = await Should.ThrowAsync<IOException>(() => body.CopyToAsync(received, TestContext.Current.CancellationToken));

        if (fixture.IsHttp2)
        {
            // HttpClient drops the bytes of a reset stream it had not yet handed out, so the caller sees at most the first ones.
            ex.ShouldBeOfType<HttpProtocolException>().ErrorCode.ShouldBe(0x2);
            received.Length.ShouldBeLessThanOrEqualTo(sent);
            received.ToArray().ShouldBe(bytes[..(int)received.Length]);
        }
        else
        {
            ex.Message.ShouldContain("The response ended prematurely");
            received.ToArray().ShouldBe(bytes[..sent]);
        }

        var r = await fixture.NextCompletedAsync();
        fixture.ShouldHaveCarried(r);
        r.StatusCode.ShouldBe(200);
        r.ResponseHeaders["Content-Length"].ShouldBe(["1000"]);
        r.ResponseBodyLength.ShouldBe(sent);
        r.Fault.ShouldBe(ResponseFault.TruncateAfter);
        r.ResponseAborted.ShouldBeTrue();
        var next = await fixture.ShouldAnswerAsync(client, "ok.txt", "ok");
        fixture.ShouldHaveBrokenOnlyTheStream(r, next);
    }

    [Fact]
    public async Task Truncated_body_over_http2_ends_in_a_stream_error_curl_reports()
    {
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.UseHttps());
        server.Stub(HttpMethod.Get, "/file.bin").Respond(StubResponse.Bytes(bytes).TruncateAfter(300));
        using var temp = new TempDirectory();
        var pem = Path.Combine(temp.Path, "server.pem");
        var output = Path.Combine(temp.Path, "file.bin");
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
}
