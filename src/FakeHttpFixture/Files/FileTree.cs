using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text;

namespace FakeHttpFixture;

/// <summary>
/// Represents an in-memory tree of files for <see cref="HttpFixtureServer.Start(FileTree, Action{HttpFixtureOptions}?)"/>:
/// no temp files, nothing left on disk. Files can be added, replaced and removed while a server serves the tree, and are
/// served at once. Enumerating it yields the paths it holds, sorted.
/// </summary>
/// <example><code>var files = new FileTree { ["index.html"] = "&lt;h1&gt;hi&lt;/h1&gt;", ["api/data.json"] = "{}" };</code></example>
public sealed class FileTree : IEnumerable<string>
{
    private readonly ConcurrentDictionary<string, ServedFile> _entries = new(StringComparer.Ordinal);

    /// <summary>Initializes a new, empty FileTree.</summary>
    public FileTree()
    {
    }

    /// <summary>Sets the file at <paramref name="path"/> to the value encoded as UTF-8, adding or replacing it, last modified now.</summary>
    /// <param name="path">A relative path with '/' between segments, such as "a/b.json"; a leading '/' is ignored.</param>
    public string this[string path]
    {
        set => Add(path, value);
    }

    /// <summary>Gets the number of files the tree holds.</summary>
    public int Count => _entries.Count;

    /// <summary>Adds or replaces the file at <paramref name="path"/> with <paramref name="text"/> encoded as UTF-8, last modified now.</summary>
    /// <param name="path">A relative path with '/' between segments, such as "a/b.json"; a leading '/' is ignored.</param>
    /// <param name="text">The file's text.</param>
    /// <returns>This tree, for chaining.</returns>
    public FileTree Add(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Add(path, Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Adds or replaces the file at <paramref name="path"/> with <paramref name="content"/>, last modified now; the tree keeps the array, so do not change it afterwards.</summary>
    /// <param name="path">A relative path with '/' between segments, such as "img/logo.png"; a leading '/' is ignored.</param>
    /// <param name="content">The file's bytes.</param>
    /// <returns>This tree, for chaining.</returns>
    public FileTree Add(string path, byte[] content) => Add(path, content, DateTimeOffset.UtcNow);

    /// <summary>
    /// Adds or replaces the file at <paramref name="path"/> with <paramref name="content"/> and the given modification time, which is
    /// served as Last-Modified (to the second) so that tests of caching clients can fix it. The tree keeps the array.
    /// </summary>
    /// <param name="path">A relative path with '/' between segments; a leading '/' is ignored.</param>
    /// <param name="content">The file's bytes.</param>
    /// <param name="lastModified">When the file was last modified.</param>
    /// <returns>This tree, for chaining.</returns>
    public FileTree Add(string path, byte[] content, DateTimeOffset lastModified)
    {
        ArgumentNullException.ThrowIfNull(content);
        var key = NormalizePath(path);
        _entries[key] = new ServedFile(content, lastModified);
        return this;
    }

    /// <summary>Adds or replaces the file at <paramref name="path"/> with the rest of <paramref name="content"/>, read now; the caller keeps ownership of the stream.</summary>
    /// <param name="path">A relative path with '/' between segments; a leading '/' is ignored.</param>
    /// <param name="content">The stream to read the file's bytes from.</param>
    /// <returns>This tree, for chaining.</returns>
    public FileTree Add(string path, Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        return Add(path, buffer.ToArray());
    }

    /// <summary>Adds the embedded resource <paramref name="resourceName"/> of <paramref name="assembly"/> as the file at <paramref name="path"/>, so fixtures can ship inside the test assembly.</summary>
    /// <param name="path">A relative path with '/' between segments; a leading '/' is ignored.</param>
    /// <param name="assembly">The assembly that embeds the resource.</param>
    /// <param name="resourceName">The manifest name of the resource, such as "MyTests.Fixtures.data.json".</param>
    /// <returns>This tree, for chaining.</returns>
    /// <exception cref="ArgumentException">The assembly has no resource of that name; the message lists the names it has.</exception>
    public FileTree AddEmbeddedResource(string path, Assembly assembly, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(resourceName);
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new ArgumentException(
                $"The assembly {assembly.GetName().Name} has no embedded resource named '{resourceName}'. It has: {string.Join(", ", assembly.GetManifestResourceNames())}. Check the name (namespace-qualified, with dots) and that the file is an EmbeddedResource.",
                nameof(resourceName));
        return Add(path, stream);
    }

    /// <summary>
    /// Copies every file under <paramref name="directory"/>, recursively, into the tree under <paramref name="prefix"/>, keeping each
    /// file's modification time; later changes on disk are not seen, which makes a snapshot the test can change without touching the original.
    /// </summary>
    /// <param name="directory">The directory to copy.</param>
    /// <param name="prefix">The tree path to copy into, such as "static"; null or empty for the tree's root.</param>
    /// <returns>This tree, for chaining.</returns>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public FileTree AddDirectory(string directory, string? prefix = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Cannot copy '{root}' into the FileTree: the directory does not exist.");
        }

        var target = string.IsNullOrEmpty(prefix) ? string.Empty : prefix.Replace('\\', '/').Trim('/') + "/";
        foreach (var file in new DirectoryInfo(root).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var relative = Path.GetRelativePath(root, file.FullName).Replace('\\', '/');
            Add(target + relative, File.ReadAllBytes(file.FullName), file.LastWriteTimeUtc);
        }

        return this;
    }

    /// <summary>Removes the file at <paramref name="path"/>; a running server answers 404 for it from then on.</summary>
    /// <param name="path">A relative path with '/' between segments; a leading '/' is ignored.</param>
    /// <returns><see langword="true"/> when the file was there.</returns>
    public bool Remove(string path) => _entries.TryRemove(NormalizePath(path), out _);

    /// <summary>Returns whether the tree holds a file at <paramref name="path"/>.</summary>
    /// <param name="path">A relative path with '/' between segments; a leading '/' is ignored.</param>
    /// <returns><see langword="true"/> when the file is there.</returns>
    public bool Contains(string path) => _entries.ContainsKey(NormalizePath(path));

    /// <summary>Returns an enumerator over the paths of the files in the tree, in ordinal order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<string> GetEnumerator()
    {
        var keys = _entries.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        return ((IEnumerable<string>)keys).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal bool TryGetFile(string normalizedPath, out ServedFile file) => _entries.TryGetValue(normalizedPath, out file!);

    internal IEnumerable<KeyValuePair<string, ServedFile>> Entries => _entries;

    /// <summary>Sets a file and returns whether it replaced one; uploads use it to tell 201 from 204.</summary>
    internal bool Set(string normalizedPath, ServedFile file)
    {
        var replaced = false;
        _entries.AddOrUpdate(normalizedPath, file, (_, _) =>
        {
            replaced = true;
            return file;
        });
        return replaced;
    }

    internal bool TryRemove(string normalizedPath) => _entries.TryRemove(normalizedPath, out _);

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

            if (!RequestPath.IsServableSegment(segment))
            {
                throw new ArgumentException($"'{path}' has a segment no request can reach ('{segment}': a colon, a trailing dot or space, or a Windows device name such as CON or NUL); rename the file.", nameof(path));
            }
        }

        return normalized;
    }
}
