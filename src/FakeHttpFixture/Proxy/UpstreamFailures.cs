using System.Net.Sockets;
using System.Security.Authentication;

namespace FakeHttpFixture;

/// <summary>Tells how a forwarded request failed from what HttpClient threw, and says it in words for the 502's body.</summary>
internal static class UpstreamFailures
{
    public static UpstreamFailure Classify(Exception failure, bool timedOut)
    {
        if (timedOut)
        {
            return UpstreamFailure.TimedOut;
        }

        // The innermost cause is the most exact: a socket error beneath an HttpRequestException beneath a cancellation.
        for (var ex = failure; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case TimeoutException:
                    return UpstreamFailure.TimedOut;
                case AuthenticationException:
                    return UpstreamFailure.TlsFailed;
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return UpstreamFailure.ConnectionRefused;
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return UpstreamFailure.HostNotFound;
                case SocketException { SocketErrorCode: SocketError.TimedOut }:
                    return UpstreamFailure.TimedOut;
                case SocketException:
                    return UpstreamFailure.ConnectionReset;
            }
        }

        for (var ex = failure; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }:
                    return UpstreamFailure.HostNotFound;
                case HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }:
                    return UpstreamFailure.TlsFailed;
                case HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse }:
                case HttpIOException { HttpRequestError: HttpRequestError.InvalidResponse }:
                    return UpstreamFailure.InvalidResponse;
                case HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded }:
                case HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded }:
                case IOException:
                    return UpstreamFailure.ConnectionReset;
            }
        }

        return UpstreamFailure.Other;
    }

    public static string Describe(UpstreamFailure failure, TimeSpan timeout) => failure switch
    {
        UpstreamFailure.ConnectionRefused => "refused the connection",
        UpstreamFailure.ConnectionReset => "reset the connection before its response was whole",
        UpstreamFailure.TimedOut => $"did not answer within {JournalText.Duration(timeout)} (HttpFixtureOptions.UpstreamTimeout)",
        UpstreamFailure.HostNotFound => "could not be found: its host name did not resolve",
        UpstreamFailure.TlsFailed => "failed the TLS handshake; if its certificate is a test one, give it as HttpFixtureOptions.TrustedUpstreamCertificate",
        UpstreamFailure.InvalidResponse => "answered with something that is not valid HTTP",
        _ => "could not be reached",
    };
}
