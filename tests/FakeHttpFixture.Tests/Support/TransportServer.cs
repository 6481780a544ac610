using System.Net;
using System.Threading.Channels;

namespace FakeHttpFixture.Tests.Support;

/// <summary>
/// A fixture server started for one <see cref="Support.Transport"/>, whose clients speak that transport, and which hands out its
/// exchanges as they complete: a record is final only once the server has finished with it, which OnRequestCompleted reports.
/// </summary>
internal sealed class TransportServer : IAsyncDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    private readonly Channel<RecordedRequest> _completed = Channel.CreateUnbounded<RecordedRequest>();

    private TransportServer(Transport transport, FileTree files, Action<HttpFixtureOptions>? configure)
    {
        Transport = transport;
        Server = HttpFixtureServer.Start(files, o =>
        {
            switch (transport)
            {
                case Transport.Http11Tls:
                    o.UseHttps();
                    break;
                case Transport.Http2:
                    // CreateClient's handler then sends HTTP/2 with RequestVersionExact, as prior knowledge requires.
                    o.Http2Cleartext = true;
                    break;
                case Transport.Http2Tls:
                    o.UseHttps();
                    o.ClientPrefersHttp2 = true;
                    break;
            }

            configure?.Invoke(o);
            var alsoNotify = o.OnRequestCompleted;
            o.OnRequestCompleted = r =>
            {
                alsoNotify?.Invoke(r);
                _completed.Writer.TryWrite(r);
            };
        });
    }

    public Transport Transport { get; }

    public HttpFixtureServer Server { get; }

    public bool IsHttp2 => Transport is Transport.Http2 or Transport.Http2Tls;

    private bool IsTls => Transport is Transport.Http11Tls or Transport.Http2Tls;

    public static TransportServer Start(Transport transport, FileTree? files = null, Action<HttpFixtureOptions>? configure = null) =>
        new(transport, files ?? new FileTree(), configure);

    public HttpClient CreateClient() => Server.CreateClient();

    /// <summary>Gets the exchanges the server has finished with, in the order they finished.</summary>
    public ChannelReader<RecordedRequest> Completed => _completed.Reader;

    /// <summary>Returns the next exchange the server has finished with.</summary>
    public static async Task<RecordedRequest> NextCompletedAsync(ChannelReader<RecordedRequest> completed) =>
        await completed.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Generous, TestContext.Current.CancellationToken);

    /// <summary>Returns the next exchange the server has finished with.</summary>
    public Task<RecordedRequest> NextCompletedAsync() => NextCompletedAsync(Completed);

    /// <summary>Checks that a response came back over this transport's HTTP version.</summary>
    public void ShouldHaveNegotiated(HttpResponseMessage response) =>
        response.Version.ShouldBe(IsHttp2 ? HttpVersion.Version20 : HttpVersion.Version11);

    /// <summary>Checks that the server received a request over this transport: its scheme and its HTTP version.</summary>
    public void ShouldHaveCarried(RecordedRequest request)
    {
        request.Scheme.ShouldBe(IsTls ? "https" : "http");
        request.Protocol.ShouldBe(IsHttp2 ? "HTTP/2" : "HTTP/1.1");
    }

    /// <summary>Checks that the server answers <paramref name="path"/> whole over this transport, and returns the request's record.</summary>
    public async Task<RecordedRequest> ShouldAnswerAsync(HttpClient client, string path, string expected)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        ShouldHaveNegotiated(response);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe(expected);
        var request = Server.Requests[^1];
        request.Path.ShouldBe("/" + path);
        ShouldHaveCarried(request);
        return request;
    }

    /// <summary>
    /// Checks where the request after a broken one went: HTTP/2 breaks only the stream, so the next request shares the connection;
    /// HTTP/1.1 has no streams, so the break costs the connection and the next request opens another.
    /// </summary>
    public void ShouldHaveBrokenOnlyTheStream(RecordedRequest broken, RecordedRequest next)
    {
        if (IsHttp2)
        {
            next.ConnectionId.ShouldBe(broken.ConnectionId);
        }
        else
        {
            next.ConnectionId.ShouldNotBe(broken.ConnectionId);
        }
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
