using System.Net;
using System.Text;

namespace FakeHttpFixture.Tests.Reliability;

/// <summary>Many clients at once: every request is answered, and recorded exactly once with its exact body.</summary>
[Trait("Category", "Reliability")]
public sealed class LoadTests
{
    private const int Clients = 64;
    private const int RequestsPerClient = 24;

    [Theory]
    [InlineData("HTTP/1.1")]
    [InlineData("HTTP/2 over TLS")]
    public async Task Sixty_four_concurrent_clients_are_each_answered_and_recorded_exactly_once(string protocol)
    {
        var http2 = protocol != "HTTP/1.1";

        var content = new byte[32 * 1024];
        new Random(1).NextBytes(content);
        await using var server = HttpFixtureServer.Start(new FileTree().Add("data.bin", content), o =>
        {
            if (http2)
            {
                o.UseHttps();
            }
        });
        using var hangCheck = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(() => RunClientAsync(server, c, http2, content, hangCheck.Token)));
        await Task.WhenAll(clients);

        var requests = server.Requests;
        requests.Count.ShouldBe(Clients * RequestsPerClient);
        requests.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, requests.Count).Select(i => (long)i), "sequences must run 1, 2, 3 … with no gap and no repeat");
        var byId = requests.ToDictionary(r => r.Header("X-Id") ?? throw new ShouldAssertException($"{r} lost its X-Id header"));
        byId.Count.ShouldBe(requests.Count, "no request may be recorded twice");
        for (var c = 0; c < Clients; c++)
        {
            for (var i = 0; i < RequestsPerClient; i++)
            {
                var id = $"{c}-{i}";
                var r = byId[id];
                r.Method.ShouldBe(MethodFor(i).Method, id);
                var sent = MethodFor(i) == HttpMethod.Get ? [] : BodyFor(id, i);

                // SequenceEqual, not ShouldBe: Shouldly compares arrays item by item, boxed, far too slowly for 50 MB.
                r.Body.AsSpan().SequenceEqual(sent).ShouldBeTrue($"{id}: the recorded body ({r.Body.Length} B) must be byte for byte what was sent ({sent.Length} B)");
                r.StatusCode.ShouldBe(200, id);
                r.Aborted.ShouldBeFalse(id);
                r.Protocol.ShouldBe(http2 ? "HTTP/2" : "HTTP/1.1");
            }
        }
    }

    private static async Task RunClientAsync(HttpFixtureServer server, int c, bool http2, byte[] content, CancellationToken cancellationToken)
    {
        using var client = server.CreateClient();

        for (var i = 0; i < RequestsPerClient; i++)
        {
            var id = $"{c}-{i}";
            var method = MethodFor(i);
            using var message = new HttpRequestMessage(method, method == HttpMethod.Get ? "data.bin" : $"items/{id}");
            message.Headers.Add("X-Id", id);
            if (http2)
            {
                // On the message itself: HttpClient's DefaultRequestVersion only reaches requests it builds.
                message.Version = HttpVersion.Version20;
                message.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
            }

            if (method != HttpMethod.Get)
            {
                message.Content = new ByteArrayContent(BodyFor(id, i));
            }

            using var response = await client.SendAsync(message, cancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, id);
            var received = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (method == HttpMethod.Get)
            {
                received.AsSpan().SequenceEqual(content).ShouldBeTrue($"{id}: the file must arrive whole, but {received.Length} B arrived");
            }
        }
    }

    private static HttpMethod MethodFor(int i) => (i % 3) switch
    {
        0 => HttpMethod.Get,
        1 => HttpMethod.Post,
        _ => HttpMethod.Put,
    };

    // Sizes from empty to 96 KB, so bodies cross Kestrel's buffer segments; the content names the request, so a mix-up shows.
    private static byte[] BodyFor(string id, int i)
    {
        var size = (i * 4099) % (96 * 1024);
        var unit = Encoding.ASCII.GetBytes($"[{id}]");
        var body = new byte[size];
        for (var at = 0; at < size; at += unit.Length)
        {
            unit.AsSpan(0, Math.Min(unit.Length, size - at)).CopyTo(body.AsSpan(at));
        }

        return body;
    }
}
