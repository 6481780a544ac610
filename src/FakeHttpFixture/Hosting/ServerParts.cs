using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace FakeHttpFixture;

/// <summary>The parts one server is made of, built together at start: Kestrel, the journal and what the test scripts.</summary>
internal sealed class ServerParts(KestrelServer server, HttpFixtureOptions options)
{
    public KestrelServer Server { get; } = server;

    public HttpFixtureOptions Options { get; } = options;

    public RequestJournal Journal { get; } = new(options.BodyMemoryThreshold, options.MaxRecordedRequests, options.RecordResponseBodies || options.Upstream is not null) { StreamWaitTimeout = options.DefaultWaitTimeout };

    public StubRegistry Stubs { get; } = new();

    public ResponseQueue Queue { get; } = new();

    public ProblemLog Problems { get; } = new();

    public ExtensionPoints Extensions { get; } = new();

    /// <summary>Gets the entries of the HAR files the server replays, read before Kestrel starts; <see langword="null"/> without ReplayHar.</summary>
    public ReplayBook? Replay { get; init; }

    /// <summary>Gets the client that forwards to the upstream of ProxyTo, disposed with the server; <see langword="null"/> without ProxyTo.</summary>
    public HttpMessageInvoker? Upstream { get; } = options.Upstream is null ? null : UpstreamClient.Create(options.UpstreamTimeout, options.TrustedUpstreamCertificate);

    public ServerChaos Chaos { get; } = new(options.ChaosSeed, options.RateLimits, options.ChaosRules);

    /// <summary>Gets the source cancelled when the server starts to stop; never disposed, since a request still running after dispose may ask for its token.</summary>
    public CancellationTokenSource Stopping { get; } = new();
}
