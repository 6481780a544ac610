using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace FakeHttpFixture;

/// <content>Checking every option once, at start.</content>
public sealed partial class HttpFixtureOptions
{
    /// <summary>Checks every option once, at start, and throws one exception that lists each problem with what to do about it.</summary>
    internal void Validate()
    {
        var problems = new List<(string Option, string Problem)>();
        void Check(bool valid, string option, string problem)
        {
            if (!valid)
            {
                problems.Add((option, problem));
            }
        }

        Check(BindAddress is not null, nameof(BindAddress), "BindAddress must be an address such as IPAddress.Loopback; it is null.");
        Check(Port is >= 0 and <= IPEndPoint.MaxPort, nameof(Port), $"Port must be from 1 to 65535, or 0 for an ephemeral port; it is {Port}.");
        Check(ShutdownTimeout >= TimeSpan.Zero, nameof(ShutdownTimeout), $"ShutdownTimeout must not be negative; it is {ShutdownTimeout}.");
        Check(HttpStatus.IsValid(FallbackStatusCode), nameof(FallbackStatusCode), $"FallbackStatusCode must be an HTTP status code from 100 to 999, such as 200 or 202; it is {FallbackStatusCode}.");
        Check(DefaultWaitTimeout > TimeSpan.Zero || DefaultWaitTimeout == Timeout.InfiniteTimeSpan, nameof(DefaultWaitTimeout), $"DefaultWaitTimeout must be positive, or Timeout.InfiniteTimeSpan; it is {DefaultWaitTimeout}.");
        Check(BodyMemoryThreshold >= 0, nameof(BodyMemoryThreshold), $"BodyMemoryThreshold must be zero or more bytes (0 writes every non-empty body to a temp file); it is {BodyMemoryThreshold}.");
        Check(MaxRecordedRequests >= 0, nameof(MaxRecordedRequests), $"MaxRecordedRequests must be zero (keep every request) or a positive count; it is {MaxRecordedRequests}.");
        Check(MissReportStubCount >= 0, nameof(MissReportStubCount), $"MissReportStubCount must be zero (show no stub) or a positive count, such as 3; it is {MissReportStubCount}.");
        Check(MaxRequestBodySize is null or >= 0, nameof(MaxRequestBodySize), $"MaxRequestBodySize must be zero or more bytes, or null for no limit; it is {MaxRequestBodySize}.");
        foreach (var (extension, type) in ContentTypes)
        {
            Check(extension.Length >= 2 && extension[0] == '.' && !extension.AsSpan(1).ContainsAny('.', '/'), nameof(ContentTypes), $"ContentTypes has the key '{extension}', which is not a file extension; use the extension with its dot, such as \".js\".");
            Check(!string.IsNullOrWhiteSpace(type), nameof(ContentTypes), $"ContentTypes maps '{extension}' to an empty media type; give one such as \"application/json\", or remove the key.");
        }

        Check(HttpsCertificate is null || HttpsCertificate.HasPrivateKey, nameof(HttpsCertificate), "The certificate given to UseHttps has no private key, so the server cannot use it for TLS. Pass a certificate loaded with its key (for example from a PFX or a PEM pair).");
        Check(!(Http2Cleartext && IsHttps), nameof(Http2Cleartext), "Http2Cleartext is for plain HTTP; with UseHttps() the server already speaks HTTP/2 through ALPN. Remove one of the two options.");
        Check(ClientCertificates == ClientCertificatePolicy.None || IsHttps, nameof(ClientCertificates), "ClientCertificates needs TLS: call options.UseHttps() as well, or leave ClientCertificates at None.");
        Check(Enum.IsDefined(ClientCertificates), nameof(ClientCertificates), $"ClientCertificates must be None, Allow or Require; it is {(int)ClientCertificates}.");
        ValidateHosts(Check);
        Check(_upstreamText is null, nameof(Upstream), $"ProxyTo needs an absolute http:// or https:// address, such as https://api.example.com/; it is '{_upstreamText}', which is not one.");
        Check(Upstream is null || (Upstream.IsAbsoluteUri && (Upstream.Scheme == Uri.UriSchemeHttp || Upstream.Scheme == Uri.UriSchemeHttps) && Upstream.Query.Length == 0 && Upstream.Fragment.Length == 0 && Upstream.UserInfo.Length == 0), nameof(Upstream), $"ProxyTo needs an absolute http:// or https:// address without query, fragment or user name, such as https://api.example.com/; it is '{Upstream}'.");
        Check(UpstreamTimeout > TimeSpan.Zero && UpstreamTimeout.TotalMilliseconds <= int.MaxValue, nameof(UpstreamTimeout), $"UpstreamTimeout must be positive and finite, so that a silent upstream cannot hang a test; it is {UpstreamTimeout}.");
        foreach (var har in _replayHarFiles)
        {
            Check(!string.IsNullOrWhiteSpace(har), nameof(ReplayHarFiles), "ReplayHar was given an empty path; give the path of a HAR file.");
            Check(string.IsNullOrWhiteSpace(har) || File.Exists(har), nameof(ReplayHarFiles), $"ReplayHar: the file '{(string.IsNullOrWhiteSpace(har) ? har : Path.GetFullPath(har))}' does not exist. Record one with ProxyTo and SaveHar, save one from a browser's developer tools, or fix the path.");
        }

        var seedVariable = Environment.GetEnvironmentVariable(ServerChaos.SeedVariable);
        Check(ChaosSeed is not null || string.IsNullOrEmpty(seedVariable) || ServerChaos.SeedFromEnvironment() is not null, nameof(ChaosSeed), $"The environment variable {ServerChaos.SeedVariable} is '{seedVariable}', which is not a whole number: set it to the seed a failing test printed, such as 1234, or unset it.");
        if (problems.Count == 1)
        {
            throw new ArgumentException(problems[0].Problem, problems[0].Option);
        }

        if (problems.Count > 1)
        {
            throw new ArgumentException($"{problems.Count} options are not valid:" + string.Concat(problems.Select(p => "\n- " + p.Problem)), problems[0].Option);
        }
    }

    private void ValidateHosts(Action<bool, string, string> check)
    {
        var patterns = new List<HostPattern>();
        foreach (var name in _hosts)
        {
            check(HostPattern.TryParse(name, out var pattern, out var problem), nameof(Hosts), problem ?? string.Empty);
            if (pattern is not null)
            {
                patterns.Add(pattern);
            }
        }

        check(!EnableForwardProxy || _hosts.Count != 0, nameof(EnableForwardProxy), "EnableForwardProxy lets through only the names given to ForHosts, and none were given: call options.ForHosts(\"api.example.com\") as well, or leave EnableForwardProxy off.");
        check(!(Http2Cleartext && _hosts.Count != 0), nameof(Http2Cleartext), "Http2Cleartext cannot be combined with ForHosts: the port of a server with routed hosts speaks TLS (HTTP/2 by ALPN) and plain HTTP/1.1. Remove Http2Cleartext and set ClientPrefersHttp2 for HTTP/2 over https:// URLs.");
        if (HttpsCertificate is { } certificate)
        {
            foreach (var pattern in patterns)
            {
                // A wildcard is checked with one name under it: a certificate covers all of them or none.
                var sample = pattern.IsWildcard ? "fakehttp-check" + pattern.Suffix : pattern.Text;
                check(certificate.MatchesHostname(sample), nameof(Hosts), $"The certificate given to UseHttps does not cover {pattern}, which ForHosts routes, so outside clients (curl, Python, browsers) would refuse it. Call UseHttps() without a certificate for one that covers every routed name, or add the name to yours.");
            }
        }
    }
}
