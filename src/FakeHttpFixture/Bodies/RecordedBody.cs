namespace FakeHttpFixture;

/// <summary>
/// The bytes of one request body: an array in memory, or a temp file for a body over the memory threshold.
/// A struct held inline by its <see cref="RecordedRequest"/>: the journal keeps every request, and each object fewer per
/// request is less for the GC to mark and move (under wrk, retention is most of what a recorded POST costs: docs/benchmarks.md).
/// </summary>
internal readonly struct RecordedBody
{
    public static readonly RecordedBody Empty = new([]);

    private readonly byte[]? _memory;
    private readonly string? _file;
    private readonly int _offset;

    public RecordedBody(byte[] memory)
    {
        _memory = memory;
        Length = memory.LongLength;
    }

    /// <summary>A body held in part of a shared <see cref="BodySlab"/>; <see cref="Load"/> copies it out.</summary>
    public RecordedBody(ArraySegment<byte> slab)
    {
        _memory = slab.Array;
        _offset = slab.Offset;
        Length = slab.Count;
    }

    public RecordedBody(string file, long length)
    {
        _file = file;
        Length = length;
    }

    private RecordedBody(long releasedLength) => Length = releasedLength;

    public long Length { get; }

    public bool IsSpilled => _file is not null;

    public byte[] Load()
    {
        if (_memory is not null)
        {
            return _offset == 0 && Length == _memory.Length ? _memory : _memory.AsSpan(_offset, (int)Length).ToArray();
        }

        ThrowIfReleased();

        if (Length > Array.MaxLength)
        {
            throw new InvalidOperationException($"The body is {Length} bytes, more than one array can hold. Read it with OpenBody() instead.");
        }

        using var stream = OpenRead();
        var bytes = GC.AllocateUninitializedArray<byte>((int)Length);
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>
    /// Deletes the temp file of a spilled body and returns a body that keeps only the length, for a caller that has written the
    /// bytes out and needs them no more: its memory goes with the next collection, its file at once.
    /// </summary>
    public RecordedBody Release()
    {
        if (_file is not null)
        {
            AtomicFile.TryDelete(_file);
        }

        return Length == 0 ? Empty : new RecordedBody(Length);
    }

    public Stream OpenRead()
    {
        if (_memory is not null)
        {
            return new MemoryStream(_memory, _offset, (int)Length, writable: false);
        }

        ThrowIfReleased();

        try
        {
            return new FileStream(_file!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ObjectDisposedException($"The body ({Length} bytes) was kept in a temp file, which was deleted when the server was disposed. Read the body before disposing the server, or raise HttpFixtureOptions.BodyMemoryThreshold to keep it in memory.", ex);
        }
    }

    private void ThrowIfReleased()
    {
        if (_file is null)
        {
            throw new ObjectDisposedException(nameof(RecordedRequest), $"The body ({Length} bytes) was released once fakehttp had written it out; it is in the record, not in memory.");
        }
    }
}
