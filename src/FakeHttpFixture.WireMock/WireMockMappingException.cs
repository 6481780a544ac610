namespace FakeHttpFixture;

/// <summary>
/// A WireMock mapping that FakeHttpFixture.WireMock cannot take: not JSON, or using a word it does not know or support. The message
/// names the file (or the admin API), the JSON path and the word; the admin API answers 422 with the same sentence.
/// </summary>
public sealed class WireMockMappingException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="WireMockMappingException"/> class.</summary>
    public WireMockMappingException()
        : this("The WireMock mapping could not be read.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="WireMockMappingException"/> class.</summary>
    /// <param name="message">The whole sentence.</param>
    public WireMockMappingException(string message)
        : this(message, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="WireMockMappingException"/> class.</summary>
    /// <param name="message">The whole sentence.</param>
    /// <param name="innerException">The JSON parser's exception, when the text is not JSON.</param>
    public WireMockMappingException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the file the mapping came from, or <see langword="null"/> for one sent to the admin API.</summary>
    public string? File { get; init; }

    /// <summary>Gets the JSON path of the part refused, such as <c>$.mappings[2].request.bodyPatterns[0]</c>.</summary>
    public string? JsonPath { get; init; }
}
