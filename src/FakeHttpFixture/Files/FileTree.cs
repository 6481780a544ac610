using System.Collections;
using System.Collections.Concurrent;
using System.Text;

namespace FakeHttpFixture;

/// <summary>
/// FileTree is an in-memory tree of files for <see cref="HttpFixtureServer.Start(FileTree, Action{HttpFixtureOptions}?)"/>:
/// no temp files, nothing left on disk. Enumerating it yields the paths it holds, sorted.
/// </summary>
/// <example><code>var files = new FileTree { ["index.html"] = "&lt;h1&gt;hi&lt;/h1&gt;", ["api/data.json"] = "{}" };</code></example>
public sealed class FileTree : IEnumerable<string>
{
    private readonly ConcurrentDictionary<string, FileTreeEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>Initializes a new, empty FileTree.</summary>
    public FileTree()
    {
    }

    /// <summary>Sets the file at <paramref name="path"/> to <paramref name="path"/>'s UTF-8 text, adding or replacing it.</summary>
    /// <param name="path">A relative path with '/' between segments, such as "a/b.json"; a leading '/' is ignored.</param>
    public string this[string path]
    {
        set => Add(path, value);
    }

    /// <summary>Gets the number of files the tree holds.</summary>
    public int Count => _entries.Count;

    /// <summary>Adds or replaces the file at <paramref name="path"/> with <paramref name="text"/> encoded as UTF-8.</summary>
    /// <param name="path">A relative path with '/' between segments, such as "a/b.json"; a leading '/' is ignored.</param>
    /// <param name="text">The file's text.</param>
    /// <returns>This tree, for chaining.</returns>
    public FileTree Add(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Add(path, Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Adds or replaces the file at <paramref name="path"/> with <paramref name="content"/>; the tree keeps the array, so do not change it afterwards.</summary>
    /// <param name="path">A relative path with '/' between segments, such as "img/logo.png"; a leading '/' is ignored.</param>
    /// <param name="content">The file's bytes.</param>
    /// <returns>This tree, for chaining.</returns>
    public FileTree Add(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var key = NormalizePath(path);
        _entries[key] = new FileTreeEntry(content, TruncateToSeconds(DateTimeOffset.UtcNow));
        return this;
    }

    /// <summary>Returns an enumerator over the paths of the files in the tree, in ordinal order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<string> GetEnumerator()
    {
        var keys = _entries.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        return ((IEnumerable<string>)keys).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal bool TryGetFile(string normalizedPath, out FileTreeEntry entry) => _entries.TryGetValue(normalizedPath, out entry!);

    internal IEnumerable<KeyValuePair<string, FileTreeEntry>> Entries => _entries;

    internal static string NormalizePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var normalized = path.Replace('\\', '/').TrimStart('/');
        if (normalized.Length == 0 || normalized.EndsWith('/'))
        {
            throw new ArgumentException($"'{path}' is not a file path: give a relative path to a file, such as \"data/items.json\".", nameof(path));
        }

        foreach (var segment in normalized.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == ".." || segment.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{path}' has an empty, '.', '..' or NUL segment; a FileTree path names a file inside the tree, such as \"data/items.json\".", nameof(path));
            }
        }

        return normalized;
    }

    // HTTP dates have whole seconds; a Last-Modified that round-trips exactly keeps conditional requests exact.
    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
