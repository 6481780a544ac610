using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace FakeHttpFixture;

/// <content>Proxying a real service, recording it and replaying the recording.</content>
public sealed partial class HttpFixtureOptions
{
    /// <summary>Gets the service that <see cref="ProxyTo(Uri)"/> forwards to, or <see langword="null"/> when the server does not proxy.</summary>
    public Uri? Upstream { get; private set; }

    /// <summary>
    /// Gets or sets how long the proxy waits for the upstream: to connect, to send its response headers, and between two reads of its
    /// body. An upstream that takes longer is answered 502 (or, mid-body, the response is broken off), so a test never hangs on it.
    /// </summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan UpstreamTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets a certificate the proxy trusts for an HTTPS upstream besides the system's trusted roots: the upstream's own
    /// self-signed certificate, or the root of a test authority that issued it. The upstream's name must still match its certificate.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: only the system's trusted roots.</value>
    public X509Certificate2? TrustedUpstreamCertificate { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the journal keeps every response body as it went out (<see cref="RecordedRequest.ResponseBody"/>),
    /// so that <see cref="HttpFixtureServer.SaveHar"/> writes them and the file replays. <see cref="ProxyTo(Uri)"/> turns it on by itself;
    /// set it to record what stubs and files answered too. Bodies over <see cref="BodyMemoryThreshold"/> go to temp files.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: only sizes, unless the server proxies.</value>
    public bool RecordResponseBodies { get; set; }

    /// <summary>
    /// Gets the names of the headers whose values <see cref="HttpFixtureServer.SaveHar"/> writes as "REDACTED", so that a recording
    /// committed as a fixture holds no secrets: Cookie and Set-Cookie keep each cookie's name (and Set-Cookie its attributes; a
    /// cookie without '=' is all secret), Authorization and Proxy-Authorization keep their scheme ("Bearer REDACTED"). A name may
    /// hold '*' for any characters. Add names (such as "X-Tenant") or clear the set to keep every value. The journal itself keeps
    /// every value, for the test's assertions.
    /// </summary>
    /// <value>
    /// The default value is the set Authorization, Proxy-Authorization, Cookie, Set-Cookie and every name matching *token*,
    /// *secret*, *password*, *passwd*, *api-key*, *apikey*, *api_key*, *subscription-key*, *access-key*, *private-key*,
    /// *credential*, *signature*, *session*, *-auth or x-auth-* (X-Api-Key, Api-Key, X-Auth-Token, Ocp-Apim-Subscription-Key,
    /// X-Amz-Security-Token, X-CSRF-Token …), compared without regard to case.
    /// </value>
    public ISet<string> RedactedHeaders { get; } = new HashSet<string>(HeaderRedaction.DefaultNames, StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the HAR files <see cref="ReplayHar"/> added, in the order they were added.</summary>
    public IReadOnlyList<string> ReplayHarFiles => _replayHarFiles;

    /// <summary>
    /// Forwards whatever no queued response, stub, replayed HAR entry or file answers to <paramref name="upstream"/>, and records the
    /// answer, body included, so that <see cref="HttpFixtureServer.SaveHar"/> writes a recording that <see cref="ReplayHar"/> plays back.
    /// The request goes with its method, path, query, headers (but the hop-by-hop ones; Host becomes the upstream's) and body; the
    /// answer comes back as sent: redirects are passed through, not followed, and a compressed body stays compressed. An upstream that
    /// refuses, resets or does not answer within <see cref="UpstreamTimeout"/> gets the client a 502 saying which.
    /// </summary>
    /// <param name="upstream">The service, such as "https://api.example.com/"; a path ("https://example.com/v2/") is put before every request's path.</param>
    /// <returns>These options, for chaining.</returns>
    public HttpFixtureOptions ProxyTo(Uri upstream)
    {
        Upstream = upstream;
        _upstreamText = null;
        return this;
    }

    /// <summary>
    /// Answers from the responses of a HAR file: one that <see cref="HttpFixtureServer.SaveHar"/> wrote while proxying, or one that a
    /// browser's developer tools saved. A request matches an entry by method, path and query (parameters in any order), and by body
    /// where entries differ only by body; repeated matches play the entries in recorded order and the last one repeats. Replay is
    /// asked after the stubs, so a test's own stubs win, and what the file lacks goes on to the files, the proxy, the fallback or strict mode.
    /// The file is read when the server starts; a malformed one is refused then, with the line and field that are wrong.
    /// </summary>
    /// <param name="path">The HAR file; call again to replay several, whose entries are then taken in the order the files were added.</param>
    /// <returns>These options, for chaining.</returns>
    public HttpFixtureOptions ReplayHar(string path)
    {
        _replayHarFiles.Add(path);
        return this;
    }
}
