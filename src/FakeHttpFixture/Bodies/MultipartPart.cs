namespace FakeHttpFixture;

/// <summary>Represents one part of a multipart request body, such as a file of an upload form, with its headers and exact bytes.</summary>
public sealed class MultipartPart
{
    internal MultipartPart(IReadOnlyDictionary<string, string[]> headers, string? name, string? fileName, string? contentType, byte[] body)
    {
        Headers = headers;
        Name = name;
        FileName = fileName;
        ContentType = contentType;
        Body = body;
    }

    /// <summary>Gets the form field name from the part's Content-Disposition, or <see langword="null"/> when it has none.</summary>
    public string? Name { get; }

    /// <summary>Gets the file name from the part's Content-Disposition (filename* preferred), or <see langword="null"/> for a plain field.</summary>
    public string? FileName { get; }

    /// <summary>Gets the part's Content-Type, or <see langword="null"/> when it has none.</summary>
    public string? ContentType { get; }

    /// <summary>Gets the part's headers; names are compared without regard to case.</summary>
    public IReadOnlyDictionary<string, string[]> Headers { get; }

    /// <summary>Gets exactly the bytes of the part's content.</summary>
    public byte[] Body { get; }

    /// <summary>Gets the content decoded by the part's charset, UTF-8 when it names none.</summary>
    public string Text => Charsets.Decode(Body, ContentType);

    /// <summary>Returns a summary such as "file "photo.png" (image/png, 12 KiB)".</summary>
    /// <returns>The summary.</returns>
    public override string ToString() =>
        $"{Name ?? "(no name)"}{(FileName is null ? string.Empty : $" \"{FileName}\"")} ({ContentType ?? "no type"}, {ByteSize.Format(Body.LongLength)})";
}
