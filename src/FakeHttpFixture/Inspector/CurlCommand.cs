using System.Text;

namespace FakeHttpFixture;

/// <summary>
/// Writes a request as a curl command line that sends it again ("copy as curl"): method, URL, the headers the client chose and
/// the body, each quoted for a POSIX shell. Headers curl sets from the command itself (Host, Content-Length, Connection …) are left out.
/// </summary>
internal static class CurlCommand
{
    private static readonly HashSet<string> LeftOut = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Upgrade", "Expect", "Proxy-Connection", "HTTP2-Settings",
    };

    public static string For(RecordedRequest request)
    {
        var text = new StringBuilder("curl");
        if (request.Protocol == "HTTP/2")
        {
            text.Append(" --http2-prior-knowledge");
        }

        if (request.Scheme == "https")
        {
            // The fixture's certificate is self-signed; the test's own copy of it is not at hand here.
            text.Append(" --insecure");
        }

        if (request.Method == "HEAD")
        {
            text.Append(" --head");
        }
        else if (request.BodyLength == 0 ? request.Method != "GET" : request.Method != "POST")
        {
            text.Append(" -X ").Append(Quote(request.Method));
        }

        text.Append(' ').Append(Quote(request.Url.AbsoluteUri));
        foreach (var (name, values) in request.Headers)
        {
            if (LeftOut.Contains(name) || name.StartsWith(':'))
            {
                continue;
            }

            foreach (var value in values)
            {
                text.Append(" \\\n  -H ").Append(Quote($"{name}: {value}"));
            }
        }

        AppendBody(text, request);
        return text.ToString();
    }

    private static void AppendBody(StringBuilder text, RecordedRequest request)
    {
        if (request.BodyLength == 0)
        {
            return;
        }

        byte[] body;
        try
        {
            body = request.BodyLength <= InspectorBody.MaxShown ? request.Body : [];
        }
        catch (ObjectDisposedException)
        {
            body = [];
        }

        if (body.Length != 0 && System.Text.Unicode.Utf8.IsValid(body) && !body.Contains((byte)0))
        {
            text.Append(" \\\n  --data-binary ").Append(Quote(Encoding.UTF8.GetString(body)));
            return;
        }

        // A binary (or very large) body cannot ride in a shell word: it goes through a file the reader saves first.
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $" \\\n  --data-binary @body.bin   # the body ({request.BodyLength} bytes) is not text: save it as body.bin first");
    }

    // Single quotes keep everything literal in a POSIX shell; a single quote itself is closed, escaped and reopened.
    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
