using System.Net.WebSockets;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>
/// WebSocket echo round trips: a ClientWebSocket sends a 32-byte text message and waits for it to come back, 100 times per
/// invocation over one connection; the time is per round trip. The fixture answers with StubResponse.WebSocket(ws => ws.Echo())
/// and records both messages of every round trip; raw Kestrel accepts the upgrade by hand and echoes with the framework's
/// WebSocket. Both peers reconnect every 2000 round trips, so the fixture's record of one connection stays the size of a test's.
/// WireMock.Net has no WebSocket echo to compare.
/// </summary>
[BenchmarkCategory(nameof(WebSocketEcho))]
public class WebSocketEcho : RunningPeers
{
    private const int RoundTrips = 100;
    private const int PerConnection = 2000;
    private static readonly byte[] Message = Encoding.UTF8.GetBytes(Payload.EchoMessage);

    private Echoer? _kestrel;
    private Echoer? _fixture;

    [Benchmark(Baseline = true, OperationsPerInvoke = RoundTrips)]
    public Task<int> Kestrel() => (_kestrel ??= new Echoer(new Uri(WebSocketBase(KestrelServer.BaseAddress), Payload.EchoPath))).EchoAsync();

    [Benchmark(OperationsPerInvoke = RoundTrips)]
    public Task<int> Fixture()
    {
        TrimFixtureJournal(every: 256);
        return (_fixture ??= new Echoer(FixtureServer.WebSocketUrl(Payload.EchoPath))).EchoAsync();
    }

    protected override void AddStubs() => FixtureServer.Stub(HttpMethod.Get, Payload.EchoPath).Respond(StubResponse.WebSocket(ws => ws.Echo()));

    protected override async Task StopScenarioAsync()
    {
        foreach (var echoer in new[] { _kestrel, _fixture })
        {
            if (echoer is not null)
            {
                await echoer.CloseAsync();
            }
        }
    }

    private static Uri WebSocketBase(Uri http) => new UriBuilder(http) { Scheme = Uri.UriSchemeWs }.Uri;

    private sealed class Echoer(Uri url)
    {
        private readonly byte[] _buffer = new byte[4096];
        private ClientWebSocket? _socket;
        private int _sent;

        public async Task<int> EchoAsync()
        {
            if (_socket is null || _sent >= PerConnection)
            {
                await ReconnectAsync();
            }

            var total = 0;
            for (var i = 0; i < RoundTrips; i++)
            {
                await _socket!.SendAsync(Message, WebSocketMessageType.Text, true, CancellationToken.None);
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(_buffer.AsMemory(), CancellationToken.None);
                    total += received.Count;
                }
                while (!received.EndOfMessage);
            }

            _sent += RoundTrips;
            return total == RoundTrips * Message.Length ? total : throw new InvalidOperationException($"The echo came back with {total} bytes instead of {RoundTrips * Message.Length}.");
        }

        public async Task CloseAsync()
        {
            if (_socket is not null)
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                _socket.Dispose();
                _socket = null;
            }
        }

        private async Task ReconnectAsync()
        {
            await CloseAsync();
            _socket = new ClientWebSocket();
            await _socket.ConnectAsync(url, CancellationToken.None);
            _sent = 0;
        }
    }
}
