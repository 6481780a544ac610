using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FakeHttpFixture;

/// <summary>
/// A copy of a header collection, taken before Kestrel reuses it for the next request: one array of the values Kestrel
/// already holds, so recording costs one allocation; the string arrays the public API hands out are made on first read.
/// Lookups scan, which for the dozen headers of a request is faster than hashing.
/// </summary>
internal sealed class HeaderSnapshot : IReadOnlyDictionary<string, string[]>
{
    public static readonly HeaderSnapshot Empty = new([]);

    // Kestrel formats Content-Length into a new string each time the headers are enumerated; the journal keeps every one,
    // so runs of equal lengths share the last string instead (each object kept is work for the GC under load).
    private static string? s_lastContentLength;

    private readonly KeyValuePair<string, StringValues>[] _entries;
    private string[]?[]? _arrays;

    private HeaderSnapshot(KeyValuePair<string, StringValues>[] entries) => _entries = entries;

    public int Count => _entries.Length;

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    public IEnumerable<string[]> Values => Enumerable.Range(0, _entries.Length).Select(ValueAt);

    public string[] this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"There is no header named '{key}'. Use TryGetValue, or Header(name), which returns null for a missing header.");

    /// <summary>Copies the headers into one array, which a <see cref="RecordedRequest"/> keeps until its Headers are read.</summary>
    public static KeyValuePair<string, StringValues>[] CopyEntries(IHeaderDictionary headers)
    {
        if (headers.Count == 0)
        {
            return [];
        }

        var entries = new KeyValuePair<string, StringValues>[headers.Count];
        var i = 0;
        foreach (var header in headers)
        {
            entries[i++] = header.Value.Count == 1 && string.Equals(header.Key, HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase)
                ? new KeyValuePair<string, StringValues>(header.Key, SharedContentLength(header.Value[0]!))
                : header;
        }

        return entries;
    }

    private static string SharedContentLength(string text)
    {
        var last = s_lastContentLength;
        if (string.Equals(last, text, StringComparison.Ordinal))
        {
            return last!;
        }

        s_lastContentLength = text;
        return text;
    }

    public static HeaderSnapshot Wrap(KeyValuePair<string, StringValues>[] entries) => entries.Length == 0 ? Empty : new HeaderSnapshot(entries);

    /// <summary>Returns the values of <paramref name="key"/> as Kestrel held them, without making an array.</summary>
    public static bool TryGetRaw(KeyValuePair<string, StringValues>[] entries, string key, out StringValues values)
    {
        foreach (var entry in entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                values = entry.Value;
                return true;
            }
        }

        values = default;
        return false;
    }

    public bool ContainsKey(string key) => TryGetRaw(_entries, key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string[] value)
    {
        for (var i = 0; i < _entries.Length; i++)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.OrdinalIgnoreCase))
            {
                value = ValueAt(i);
                return true;
            }
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string[]>> GetEnumerator()
    {
        for (var i = 0; i < _entries.Length; i++)
        {
            yield return new KeyValuePair<string, string[]>(_entries[i].Key, ValueAt(i));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private string[] ValueAt(int index)
    {
        var arrays = _arrays ??= new string[_entries.Length][];
        return arrays[index] ??= _entries[index].Value.ToArray()!;
    }
}
