using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;

namespace FakeHttpFixture;

/// <summary>
/// The head of a request sent to the forward proxy: a CONNECT ("CONNECT api.github.com:443 HTTP/1.1") or an absolute-form request
/// ("GET http://api.github.com/x HTTP/1.1"), read up to the blank line and no further, so what follows stays in the pipe for the relay.
/// </summary>
internal sealed class ProxyRequestHead
{
    private static readonly string[] HopByHop = ["Proxy-Connection", "Proxy-Authorization", "Connection", "Keep-Alive"];

    private ProxyRequestHead(string method, string host, int port, string pathAndQuery, string version, string[] headerLines)
    {
        Method = method;
        Host = host;
        Port = port;
        PathAndQuery = pathAndQuery;
        Version = version;
        HeaderLines = headerLines;
    }

    public string Method { get; }

    public string Host { get; }

    public int Port { get; }

    public string PathAndQuery { get; }

    public string Version { get; }

    public string[] HeaderLines { get; }

    public bool IsConnect => Method == "CONNECT";

    /// <summary>Reads the head; returns <see langword="null"/> when the client left before sending one, and throws <see cref="InvalidDataException"/> with the answer's reason otherwise.</summary>
    public static async Task<ProxyRequestHead?> ReadAsync(PipeReader input, int maxLength, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            var reader = new SequenceReader<byte>(buffer);
            if (reader.TryReadTo(out ReadOnlySequence<byte> head, "\r\n\r\n"u8, advancePastDelimiter: true))
            {
                var text = Encoding.Latin1.GetString(head);
                input.AdvanceTo(reader.Position);
                return Parse(text);
            }

            if (BareLineFeeds(buffer))
            {
                input.AdvanceTo(buffer.Start, buffer.End);
                throw new InvalidDataException("The request head ends its lines with a bare LF; HTTP/1.1 needs CRLF (RFC 9112, section 2.2).");
            }

            if (buffer.Length > maxLength)
            {
                input.AdvanceTo(buffer.Start, buffer.End);
                throw new InvalidDataException($"The request head is longer than {maxLength} bytes.");
            }

            if (read.IsCompleted)
            {
                input.AdvanceTo(buffer.Start, buffer.End);
                return null;
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Returns the head to send to the server for an absolute-form request: origin-form target, proxy headers dropped, one request per connection.</summary>
    public byte[] ToOriginForm()
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"{Method} {PathAndQuery} {Version}\r\n");
        foreach (var line in HeaderLines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? line : line[..colon].Trim();

            // The Host a request reaches is the URL's, the one the route was checked for (RFC 9112, section 3.2.2), never the client's own line.
            if (HopByHop.Contains(name, StringComparer.OrdinalIgnoreCase) || name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            head.Append(line).Append("\r\n");
        }

        var host = Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
        head.Append(CultureInfo.InvariantCulture, $"Host: {host}{(Port == 80 ? string.Empty : ":" + Port.ToString(CultureInfo.InvariantCulture))}\r\n");

        // One request per connection: the next request of the client comes through the proxy again, and is checked again.
        head.Append("Connection: close\r\n\r\n");
        return Encoding.Latin1.GetBytes(head.ToString());
    }

    private static ProxyRequestHead Parse(string text)
    {
        var lines = text.Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            throw new InvalidDataException("The request line is not an HTTP/1.x request line.");
        }

        var (method, target, version) = (parts[0], parts[1], parts[2]);
        var headers = lines[1..];
        if (method == "CONNECT")
        {
            if (!HostPattern.TrySplitAuthority(target, out var connectHost, out var connectPort) || connectHost.IsEmpty)
            {
                throw new InvalidDataException($"CONNECT needs host:port, not \"{target}\".");
            }

            return new ProxyRequestHead(method, Unbracket(connectHost), connectPort < 0 ? 443 : connectPort, string.Empty, version, headers);
        }

        if (!target.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException(target.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                ? "https:// URLs go through the proxy with CONNECT."
                : "This is a forward proxy: send requests through it (HTTP_PROXY, HTTPS_PROXY), with absolute URLs or CONNECT.");
        }

        var rest = target.AsSpan("http://".Length);
        var end = rest.IndexOfAny('/', '?');
        var authority = end < 0 ? rest : rest[..end];
        if (authority.Contains('@'))
        {
            throw new InvalidDataException($"The URL \"{target}\" carries user information before '@', which a request through a proxy must not: the host it names is not the one it seems to be.");
        }
        var pathAndQuery = end < 0 ? "/" : rest[end] == '?' ? "/" + rest[end..].ToString() : rest[end..].ToString();
        if (!HostPattern.TrySplitAuthority(authority, out var host, out var port) || host.IsEmpty)
        {
            throw new InvalidDataException($"The URL \"{target}\" has no valid host.");
        }

        return new ProxyRequestHead(method, Unbracket(host), port < 0 ? 80 : port, pathAndQuery, version, headers);
    }

    // A head whose lines end in LF alone never holds CRLF CRLF: it would wait for ever for the end of a head already sent.
    private static bool BareLineFeeds(ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        return reader.TryReadTo(out ReadOnlySequence<byte> _, "\n\n"u8, advancePastDelimiter: false);
    }

    private static string Unbracket(ReadOnlySpan<char> host) => host.Trim("[]").ToString();
}
