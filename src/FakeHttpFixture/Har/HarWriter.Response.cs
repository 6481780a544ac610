using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FakeHttpFixture;

/// <content>The response of an entry, and the entry's own field <c>_fakehttp</c> saying how an answer broke (see HarReader).</content>
internal static partial class HarWriter
{
    private static void WriteResponse(Utf8JsonWriter json, RecordedRequest request, HeaderRedaction redaction, long waitUntil)
    {
        var headers = request.ResponseHeaders;
        json.WriteStartObject("response");
        json.WriteNumber("status", request.StatusCode);
        json.WriteString("statusText", request.ResponseReasonPhrase ?? ReasonPhrases.GetReasonPhrase(request.StatusCode));
        json.WriteString("httpVersion", request.Protocol);
        json.WriteStartArray("cookies");
        foreach (var value in headers.TryGetValue(HeaderNames.SetCookie, out var setCookies) ? setCookies : [])
        {
            foreach (var (name, text) in redaction.CookiePairs(HeaderNames.SetCookie, value))
            {
                WritePair(json, name, text);
            }
        }

        json.WriteEndArray();
        WriteHeaders(json, headers, redaction);
        json.WriteStartObject("content");
        json.WriteNumber("size", request.ResponseBodyLength);
        json.WriteString("mimeType", headers.TryGetValue(HeaderNames.ContentType, out var type) ? string.Join(", ", type) : string.Empty);
        if (request.ResponseCapture is { } capture)
        {
            WriteContentText(json, capture, headers, waitUntil);
        }

        json.WriteEndObject();
        json.WriteString("redirectURL", headers.TryGetValue(HeaderNames.Location, out var location) ? string.Join(", ", location) : string.Empty);
        json.WriteNumber("headersSize", -1);
        json.WriteNumber("bodySize", request.ResponseBodyLength);
        if (request.ResponseAborted)
        {
            // Status 0 is how browsers export a response that never came; the comment says why.
            json.WriteString("comment", request.Fault != ResponseFault.None ? $"The response was broken off by the fault {request.Fault}."
                : request.UpstreamFailure != UpstreamFailure.None ? $"The upstream failed mid-response ({request.UpstreamFailure}), so the response was broken off."
                : "The response was broken off before it was sent whole.");
        }
        else if (request.UpstreamFailure != UpstreamFailure.None)
        {
            json.WriteString("comment", $"The upstream failed ({request.UpstreamFailure}), so FakeHttpFixture answered {request.StatusCode} itself.");
        }

        json.WriteEndObject();
    }

    // What HAR has no field for, in a field the reader understands: how the answer broke, or that FakeHttpFixture gave it.
    private static void WriteOwnField(Utf8JsonWriter json, RecordedRequest request)
    {
        string? broke = null;
        if (request.ResponseAborted && request.StatusCode != 0)
        {
            var kind = request.UpstreamFailure switch
            {
                UpstreamFailure.None => "cut",
                UpstreamFailure.TimedOut => "timeout",
                _ => "reset",
            };
            broke = string.Create(CultureInfo.InvariantCulture, $"{kind} after {request.ResponseBodyLength} bytes");
        }
        else if (request.AnsweredByFixture || (request.UpstreamFailure != UpstreamFailure.None && !request.ResponseAborted))
        {
            broke = HarReader.FixtureAnswer;
        }

        if (broke is null)
        {
            return;
        }

        json.WriteStartObject(HarReader.OwnField);
        json.WriteString("break", broke);
        json.WriteEndObject();
    }

    // The body as it went out. A body still under its Content-Encoding (gzip …) is kept so, as base64, and "_contentEncoding" says
    // so: HAR's own convention is a decoded body, which is what browsers write, and a replay must not decode ours or encode theirs.
    private static void WriteContentText(Utf8JsonWriter json, ResponseCapture capture, IReadOnlyDictionary<string, string[]> headers, long waitUntil)
    {
        var body = capture.Wait(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), waitUntil) is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero);
        if (body is not { } recorded)
        {
            json.WriteString("comment", capture.IsComplete ? "The response body could not be recorded (the temp folder was not writable or full)." : "The response was still being sent when the HAR was written, so its body is left out.");
            return;
        }

        if (recorded.Length > MaxBodyInHar)
        {
            json.WriteString("comment", string.Create(CultureInfo.InvariantCulture, $"The body of {recorded.Length} bytes is larger than a HAR file holds well and was left out."));
            return;
        }

        var coding = headers.TryGetValue(HeaderNames.ContentEncoding, out var codings) ? string.Join(", ", codings) : null;
        if (string.Equals(coding, "identity", StringComparison.OrdinalIgnoreCase))
        {
            coding = null;
        }

        byte[] bytes;
        try
        {
            bytes = recorded.Load();
        }
        catch (Exception ex) when (ex is ObjectDisposedException or IOException or UnauthorizedAccessException)
        {
            json.WriteString("comment", "The body was kept in a temp file, which was deleted when the server was disposed; save the HAR before disposing the server.");
            return;
        }

        var contentType = headers.TryGetValue(HeaderNames.ContentType, out var type) ? string.Join(", ", type) : null;
        if (coding is null && TryDecodeText(bytes, contentType, out var text))
        {
            json.WriteString("text", text);
        }
        else if (bytes.Length != 0)
        {
            json.WriteBase64String("text", bytes);
            json.WriteString("encoding", "base64");
        }
        else
        {
            json.WriteString("text", string.Empty);
        }

        if (coding is not null)
        {
            json.WriteString("_contentEncoding", coding);
        }
    }

}
