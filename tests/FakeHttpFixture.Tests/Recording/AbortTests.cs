using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Recording;

public sealed class AbortTests
{
    [Fact]
    public async Task Abort_mid_upload_is_recorded_as_Aborted_with_the_bytes_received()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using (var socket = await RawHttp.ConnectAsync(server))
        {
            await RawHttp.SendAsync(socket, "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nfirst-300-bytes?");

            // The client stalls before it vanishes: Kestrel drops bytes that arrive in the same read as the FIN. A whole
            // second, so that even a loaded machine has read the bytes before the FIN comes.
            await StallingClient.StallAsync();
        }

        var r = await server.WaitForRequestAsync(x => x.Path == "/upload", TimeSpan.FromSeconds(10));
        r.Aborted.ShouldBeTrue();
        r.Rejected.ShouldBeFalse();
        r.BodyText.ShouldBe("first-300-bytes?");
        r.BodyLength.ShouldBe(16);
        r.StatusCode.ShouldBe(0);
        r.ResponseAborted.ShouldBeTrue();
        r.ToString().ShouldBe("#1 POST /upload (16 B) → no response [aborted]");
    }

    [Fact]
    public async Task Abort_after_the_body_spilled_keeps_every_byte_received_in_the_file()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.BodyMemoryThreshold = 1000);
        var sent = BodySpillTests.RandomBytes(5000, 11);
        using (var socket = await RawHttp.ConnectAsync(server))
        {
            await RawHttp.SendAsync(socket, "PUT /big HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n");
            await RawHttp.SendAsync(socket, sent);
            await StallingClient.StallAsync();
        }

        var r = await server.WaitForRequestAsync(x => x.Path == "/big", TimeSpan.FromSeconds(10));
        r.Aborted.ShouldBeTrue();
        r.BodySpilled.ShouldBeTrue();
        r.Body.ShouldBe(sent);
    }

    [Fact]
    public async Task Abort_is_reported_to_OnRequestCompleted()
    {
        var completed = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.OnRequestCompleted = r => completed.TrySetResult(r));
        using (var socket = await RawHttp.ConnectAsync(server))
        {
            await RawHttp.SendAsync(socket, "POST /gone HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\nabc");
            await StallingClient.StallAsync();
        }

        var r = await completed.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        r.Aborted.ShouldBeTrue();
        r.Duration.ShouldBeGreaterThan(TimeSpan.Zero);
    }

    [Fact]
    public async Task Abort_of_an_http2_upload_over_tls_is_recorded_with_the_bytes_received()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["ok.txt"] = "ok" }, o =>
        {
            o.UseHttps();
            o.ClientPrefersHttp2 = true;
        });
        using var client = server.CreateClient();
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var content = new StallingContent("first-part"u8.ToArray());

        var upload = client.PutAsync("upload", content, giveUp.Token);
        await content.Stalled.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        // The client stalls before it resets the stream, so that even a loaded server has read what was sent.
        await StallingClient.StallAsync(TestContext.Current.CancellationToken);
        await giveUp.CancelAsync();
        await Should.ThrowAsync<TaskCanceledException>(() => upload);

        var r = await server.WaitForRequestAsync(x => x.Path == "/upload", TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        r.Protocol.ShouldBe("HTTP/2");
        r.Aborted.ShouldBeTrue();
        r.BodyText.ShouldBe("first-part");
        r.StatusCode.ShouldBe(0);
        r.ResponseAborted.ShouldBeTrue();
        (await client.GetStringAsync("ok.txt", TestContext.Current.CancellationToken)).ShouldBe("ok");
    }

    /// <summary>A request body that sends its first bytes, then waits until the request is cancelled, as a stalled uploader does.</summary>
    private sealed class StallingContent(byte[] first) : HttpContent
    {
        private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Stalled => _stalled.Task;

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(first, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            _stalled.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
