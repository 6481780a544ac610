namespace FakeHttpFixture;

/// <summary>What a request body carries once parsed: form fields and multipart parts.</summary>
internal sealed record RequestContent(IReadOnlyDictionary<string, string[]> Form, IReadOnlyList<MultipartPart> Parts)
{
    public static readonly RequestContent None = new(new Dictionary<string, string[]>(0), []);
}
