using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FakeHttpFixture.Fuzz;

/// <summary>
/// Form, multipart and cookie parsing as a test reads them, through a <see cref="RecordedRequest"/>: Form, Parts (with each
/// part's Text), Cookies and BodyText. A malformed body may throw InvalidDataException, as documented; nothing else may throw,
/// and the parts cannot hold more bytes than the body.
/// </summary>
internal sealed class ContentTarget : FuzzTarget
{
    public override string Name => "content";

    public override string Description => "RequestContentParser through RecordedRequest: header lines (Content-Type, Cookie …), an empty line, then the body.";

    public override void Run(ReadOnlySpan<byte> input)
    {
        var lines = new List<KeyValuePair<string, string>>();
        var body = FuzzInput.Headers(input, lines).ToArray();
        var entries = lines.GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new KeyValuePair<string, StringValues>(g.Key, new StringValues([.. g.Select(h => h.Value)])))
            .ToArray();
        var request = new RecordedRequest(new RecordedBody(body), default, entries) { Method = "POST", Path = "/fuzz", Sequence = 1 };

        _ = request.BodyText;
        _ = request.Cookies.Count;
        IReadOnlyDictionary<string, string[]> form;
        IReadOnlyList<MultipartPart> parts;
        try
        {
            form = request.Form;
            parts = request.Parts;
        }
        catch (InvalidDataException)
        {
            // Documented: the body claims to be a form but is malformed.
            return;
        }

        long partBytes = 0;
        foreach (var part in parts)
        {
            partBytes += part.Body.LongLength;
            _ = part.Text;
            _ = part.ToString();
            _ = part.Headers.Count;
        }

        FuzzCheck.That(partBytes <= body.LongLength, $"{parts.Count} parts hold {partBytes} bytes, more than the body's {body.Length}");

        // The media type as ASP.NET Core reads it, which is what the parser goes by: it allows spaces around the '/'.
        var mediaType = MediaTypeHeaderValue.TryParse(request.Header("Content-Type"), out var media) ? media.MediaType.Value ?? string.Empty : string.Empty;
        var multipart = mediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase);
        FuzzCheck.That(multipart || parts.Count == 0, $"only a multipart body has parts, not {mediaType}");
        FuzzCheck.That(multipart || form.Count == 0 || mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase), $"only a form or multipart body has form fields, not {mediaType}");
    }
}
