namespace FakeHttpFixture;

/// <content>The body and headers read as what they carry: cookies, form fields, multipart parts. Each is parsed on first use, never on the request path.</content>
public sealed partial class RecordedRequest
{
    private IReadOnlyDictionary<string, string>? _cookies;
    private RequestContent? _content;

    /// <summary>Gets the cookies the client sent in its Cookie headers, by name; the first wins when a name repeats.</summary>
    public IReadOnlyDictionary<string, string> Cookies => _cookies ??= RequestContentParser.ParseCookies(Headers);

    /// <summary>
    /// Gets the form fields of an application/x-www-form-urlencoded or multipart/form-data body, decoded; in a multipart body,
    /// the parts without a file name. Empty for any other body.
    /// </summary>
    /// <exception cref="InvalidDataException">The body claims to be a form but is malformed; the message says where.</exception>
    public IReadOnlyDictionary<string, string[]> Form => Content.Form;

    /// <summary>Gets the parts of a multipart body (multipart/form-data, multipart/mixed …) in the order sent; empty for any other body.</summary>
    /// <exception cref="InvalidDataException">The body claims to be multipart but is malformed; the message says where.</exception>
    public IReadOnlyList<MultipartPart> Parts => Content.Parts;

    private RequestContent Content => _content ??= RequestContentParser.Parse(this);
}
