namespace FakeHttpFixture;

/// <summary>Matches a Content-Type against documented media types: exact, then "type/*", then "*/*"; parameters are ignored.</summary>
internal static class MediaTypes
{
    public static string Essence(string contentType)
    {
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
    }

    public static bool IsJson(string mediaType)
    {
        var essence = Essence(mediaType);
        return essence is "application/json" or "*/*" or "application/*" || essence.EndsWith("+json", StringComparison.Ordinal);
    }

    public static ContractMedia? Match(IReadOnlyList<ContractMedia> content, string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }

        var essence = Essence(contentType);
        var slash = essence.IndexOf('/', StringComparison.Ordinal);
        var family = slash < 0 ? essence : essence[..slash] + "/*";
        return content.FirstOrDefault(m => Essence(m.MediaType) == essence)
            ?? content.FirstOrDefault(m => Essence(m.MediaType) == family)
            ?? content.FirstOrDefault(m => Essence(m.MediaType) == "*/*");
    }

    public static string List(IReadOnlyList<ContractMedia> content) => string.Join(", ", content.Select(m => m.MediaType));
}
