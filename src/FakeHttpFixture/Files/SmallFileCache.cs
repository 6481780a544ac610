using System.Collections.Concurrent;

namespace FakeHttpFixture;

/// <summary>
/// Keeps the bytes of small files of a served directory, so that a repeated GET is answered from memory: opening, locking,
/// reading and closing a file costs more than the rest of the request (docs/benchmarks.md, "What dominates"). The stat every request already makes validates an entry: a new length, write time or target path is a miss.
/// A file is kept only once its write time lies further back than the file system's timestamp granularity: a same-length
/// rewrite within one tick would keep the write time, and the cache would serve the old bytes. Linux stamps files from a
/// clock that ticks every few milliseconds (<see cref="FineSettleTime"/> covers it); a write time in whole seconds hints at
/// a file system that stores seconds only (<see cref="CoarseSettleTime"/>). A tool that rewrites a file with the same length
/// and then sets its write time back to the old value exactly would defeat the check; tests that write files do not.
/// </summary>
internal sealed class SmallFileCache
{
    public const int MaxFileLength = 64 * 1024;
    private const int MaxEntries = 256;
    private static readonly TimeSpan FineSettleTime = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan CoarseSettleTime = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, ServedFile> _entries = new(StringComparer.Ordinal);

    /// <summary>Returns the file at <paramref name="fullPath"/> as described by <paramref name="info"/> (already refreshed), from memory when it may be.</summary>
    public ServedFile Get(string fullPath, FileInfo info)
    {
        var length = info.Length;
        var written = info.LastWriteTimeUtc;
        var settle = written.Ticks % TimeSpan.TicksPerSecond == 0 ? CoarseSettleTime : FineSettleTime;
        if (length > MaxFileLength || DateTime.UtcNow - written < settle)
        {
            return new ServedFile(fullPath, length, written);
        }

        if (_entries.TryGetValue(fullPath, out var cached) && cached.Length == length && cached.LastWriteUtc == written
            && string.Equals(cached.TargetPath, info.FullName, StringComparison.Ordinal))
        {
            return cached;
        }

        byte[] content;
        try
        {
            content = File.ReadAllBytes(info.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Gone or locked since the stat: sending from disk reports it the way it always did (404 or 403).
            return new ServedFile(fullPath, length, written);
        }

        var file = new ServedFile(fullPath, info.FullName, content, written);
        if (content.Length != length)
        {
            // Rewritten between the stat and the read: serve what was read, keep nothing.
            return file;
        }

        if (_entries.Count >= MaxEntries)
        {
            // A test suite serves a handful of files; a tree with more is rare enough that starting over is simpler than LRU.
            _entries.Clear();
        }

        _entries[fullPath] = file;
        return file;
    }
}
