namespace FakeHttpFixture;

/// <summary>
/// A server's extension → media-type table, copied once at start and looked up by span so that a request allocates nothing for it.
/// A plain Dictionary rather than a FrozenDictionary: freezing costs more at each server start than it saves on lookups.
/// </summary>
internal sealed class ContentTypeMap
{
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public ContentTypeMap(IEnumerable<KeyValuePair<string, string>> table)
    {
        // The table was checked with the other options at start (HttpFixtureOptions.Validate).
        _lookup = new Dictionary<string, string>(table, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Returns the media type for a file name or path; names without a known extension are application/octet-stream.</summary>
    public string For(ReadOnlySpan<char> name)
    {
        var dot = name.LastIndexOf('.');
        if (dot < 0 || name[dot..].Contains('/'))
        {
            return MediaTypes.Unknown;
        }

        return _lookup.TryGetValue(name[dot..], out var type) ? type : MediaTypes.Unknown;
    }
}
