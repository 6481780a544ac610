using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FakeHttpFixture;

/// <summary>
/// Parses what a recorded request carries with ASP.NET Core's own readers (CookieHeaderValue, FormReader, MultipartReader),
/// so the journal reads bodies exactly as an ASP.NET Core server would. Runs on first access only.
/// </summary>
internal static class RequestContentParser
{
    public static IReadOnlyDictionary<string, string> ParseCookies(IReadOnlyDictionary<string, string[]> headers)
    {
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        if (headers.TryGetValue("Cookie", out var values) && CookieHeaderValue.TryParseList(values, out var parsed))
        {
            foreach (var cookie in parsed)
            {
                cookies.TryAdd(cookie.Name.Value!, Uri.UnescapeDataString(cookie.Value.Value ?? string.Empty));
            }
        }

        return cookies;
    }

    /// <param name="sequence">The request's number, for error messages.</param>
    /// <param name="contentType">Its Content-Type header, or null.</param>
    /// <param name="bodyLength">The length of its body.</param>
    /// <param name="openBody">Opens its body for reading, from the start.</param>
    public static RequestContent Parse(long sequence, string? contentType, long bodyLength, Func<Stream> openBody)
    {
        if (bodyLength == 0 || contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return RequestContent.None;
        }

        // The readers are async-only; running them on the pool keeps a blocking property safe under any synchronization context.
        if (media.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return Task.Run(() => ReadFormAsync(openBody, contentType)).GetAwaiter().GetResult();
        }

        if (media.MediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
            if (string.IsNullOrEmpty(boundary))
            {
                throw new InvalidDataException($"The body of request #{sequence} is {media.MediaType} without a boundary parameter, so its parts cannot be told apart. The client should send Content-Type: {media.MediaType}; boundary=….");
            }

            return Task.Run(() => ReadMultipartAsync(sequence, openBody, boundary)).GetAwaiter().GetResult();
        }

        return RequestContent.None;
    }

    private static async Task<RequestContent> ReadFormAsync(Func<Stream> openBody, string contentType)
    {
        using var body = openBody();
        using var reader = new FormReader(body, Charsets.Of(contentType))
        {
            // A test fixture must show whatever the client sent, so ASP.NET Core's protective limits do not apply.
            ValueCountLimit = int.MaxValue,
            KeyLengthLimit = int.MaxValue,
            ValueLengthLimit = int.MaxValue,
        };
        var fields = await reader.ReadFormAsync().ConfigureAwait(false);
        var form = new Dictionary<string, string[]>(fields.Count, StringComparer.Ordinal);
        foreach (var (name, values) in fields)
        {
            form[name] = values.ToArray()!;
        }

        return new RequestContent(form, []);
    }

    private static async Task<RequestContent> ReadMultipartAsync(long sequence, Func<Stream> openBody, string boundary)
    {
        using var body = openBody();
        var reader = new MultipartReader(boundary, body) { BodyLengthLimit = null, HeadersCountLimit = int.MaxValue, HeadersLengthLimit = int.MaxValue };
        var parts = new List<MultipartPart>();
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        try
        {
            while (await reader.ReadNextSectionAsync().ConfigureAwait(false) is { } section)
            {
                var bytes = new MemoryStream();
                await section.Body.CopyToAsync(bytes).ConfigureAwait(false);
                var part = CreatePart(section, bytes.ToArray());
                parts.Add(part);
                if (part is { Name: { } name, FileName: null })
                {
                    AddField(fields, name, part.Text);
                }
            }
        }
        catch (IOException ex)
        {
            throw new InvalidDataException($"The body of request #{sequence} is not valid multipart with boundary \"{boundary}\": {ex.Message} The client sent a broken body; {parts.Count} parts were read before the error.", ex);
        }

        var form = new Dictionary<string, string[]>(fields.Count, StringComparer.Ordinal);
        foreach (var (name, values) in fields)
        {
            form[name] = [.. values];
        }

        return new RequestContent(form, parts);
    }

    private static MultipartPart CreatePart(MultipartSection section, byte[] bytes)
    {
        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in section.Headers ?? [])
        {
            headers[name] = values.ToArray()!;
        }

        string? fieldName = null;
        string? fileName = null;
        if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
        {
            fieldName = Parameter(disposition, "name", static d => d.Name);
            fileName = ExtendedParameter(disposition, "filename*") ?? Parameter(disposition, "filename", static d => d.FileName);
        }

        return new MultipartPart(headers, fieldName, fileName, section.ContentType, bytes);
    }

    // ASP.NET Core's Name and FileName getters decode MIME words ("=?utf-8?B?…?=") but throw NotSupportedException when the word
    // names a charset .NET refuses (UTF-7): the value then stays as the client wrote it.
    private static string? Parameter(ContentDispositionHeaderValue disposition, string name, Func<ContentDispositionHeaderValue, StringSegment> decoded)
    {
        try
        {
            return NullIfEmpty(HeaderUtilities.RemoveQuotes(decoded(disposition)));
        }
        catch (NotSupportedException)
        {
            return NullIfEmpty(HeaderUtilities.RemoveQuotes(Raw(disposition, name)));
        }
    }

    // filename* is decoded here rather than by FileNameStar, which throws for a charset .NET refuses (ExtendedParameterValue says why).
    private static string? ExtendedParameter(ContentDispositionHeaderValue disposition, string name) =>
        Raw(disposition, name) is { HasValue: true } raw ? NullIfEmpty(ExtendedParameterValue.Decode(HeaderUtilities.RemoveQuotes(raw).Value!)) : null;

    private static StringSegment Raw(ContentDispositionHeaderValue disposition, string name) =>
        disposition.Parameters.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value ?? default;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string? NullIfEmpty(StringSegment value) => value.HasValue && value.Length != 0 ? value.Value : null;

    private static void AddField(Dictionary<string, List<string>> fields, string name, string value)
    {
        if (!fields.TryGetValue(name, out var list))
        {
            fields[name] = list = [];
        }

        list.Add(value);
    }
}
