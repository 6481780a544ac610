using System.Buffers;
using System.Runtime.CompilerServices;

namespace FakeHttpFixture;

/// <summary>
/// Collects a body as it arrives: into an exactly sized array when Content-Length says it fits the memory threshold,
/// into a growing buffer when the length is unknown, and into a temp file, through one pooled buffer, once it is larger.
/// Memory stays bounded whatever the body's size, and a body in memory is copied at most once.
/// </summary>
internal sealed partial class BodySink(BodySpillDirectory spill, long threshold, long? contentLength) : IAsyncDisposable
{
    private const int FileChunk = 256 * 1024;

    private ArraySegment<byte> _slab = contentLength is > 0 and <= BodySlab.MaxBody && contentLength <= threshold ? BodySlab.Reserve((int)contentLength.Value) : default;
    private byte[]? _exact = contentLength is > BodySlab.MaxBody && contentLength <= threshold && contentLength <= Array.MaxLength ? GC.AllocateUninitializedArray<byte>((int)contentLength.Value) : null;
    private ArrayBufferWriter<byte>? _growing;
    private FileStream? _file;
    private string? _path;
    private byte[]? _chunk;
    private int _chunkUsed;
    private long _length;
    private Exception? _storeFailure;

    /// <summary>
    /// Gets why the body could not be kept (no room or no permission in the temp folder), or <see langword="null"/>. The rest of
    /// the body is then read and dropped, so the client can still read the answer that says so.
    /// </summary>
    public Exception? StoreFailure => _storeFailure;

    // Pooled builders: a large upload awaits the file for every chunk, and each await would otherwise box a new state machine.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask WriteAsync(ReadOnlySequence<byte> data, CancellationToken cancellationToken)
    {
        if (_storeFailure is not null)
        {
            return;
        }

        try
        {
            // A body announced larger than the threshold goes to disk from its first byte, without passing through memory first.
            if (_file is null && !data.IsEmpty && (_length + data.Length > threshold || contentLength > threshold))
            {
                await SpillAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var segment in data)
            {
                if (_file is not null)
                {
                    await WriteToFileAsync(segment, cancellationToken).ConfigureAwait(false);
                }
                else if (_slab.Array is not null && _length + segment.Length <= _slab.Count)
                {
                    segment.Span.CopyTo(_slab.AsSpan((int)_length));
                }
                else if (_exact is not null && _length + segment.Length <= _exact.Length)
                {
                    segment.Span.CopyTo(_exact.AsSpan((int)_length));
                }
                else
                {
                    Growing().Write(segment.Span);
                }

                _length += segment.Length;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await FailAsync(ex).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Adds bytes synchronously, for a response body teed from a pipe writer's Advance, which cannot await: a spilled body is
    /// written to its file a pooled chunk at a time, so a write reaches the disk once per <see cref="FileChunk"/> bytes.
    /// </summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        if (_file is null && !data.IsEmpty && (_length + data.Length > threshold || contentLength > threshold))
        {
            Spill();
        }

        if (_file is not null)
        {
            WriteToFile(data);
        }
        else if (_slab.Array is not null && _length + data.Length <= _slab.Count)
        {
            data.CopyTo(_slab.AsSpan((int)_length));
        }
        else if (_exact is not null && _length + data.Length <= _exact.Length)
        {
            data.CopyTo(_exact.AsSpan((int)_length));
        }
        else
        {
            Growing().Write(data);
        }

        _length += data.Length;
    }

    /// <summary>Ends a body written with <see cref="Write"/> and hands over what was received.</summary>
    public RecordedBody Complete()
    {
        if (_file is null)
        {
            return InMemory();
        }

        if (_chunkUsed != 0)
        {
            _file.Write(_chunk.AsSpan(0, _chunkUsed));
            _chunkUsed = 0;
        }

        Release();
        return new RecordedBody(_path!, _length);
    }

    /// <summary>Ends the body and hands over what was received, also after a failure mid-body; an empty body when it could not be kept.</summary>
    public async ValueTask<RecordedBody> CompleteAsync()
    {
        if (_file is not null)
        {
            try
            {
                if (_chunkUsed != 0)
                {
                    await _file.WriteAsync(_chunk.AsMemory(0, _chunkUsed)).ConfigureAwait(false);
                    _chunkUsed = 0;
                }

                await DisposeAsync().ConfigureAwait(false);
                return new RecordedBody(_path!, _length);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await FailAsync(ex).ConfigureAwait(false);
            }
        }

        if (_storeFailure is not null)
        {
            return RecordedBody.Empty;
        }

        return InMemory();
    }

    private RecordedBody InMemory()
    {
        if (_length == 0)
        {
            return RecordedBody.Empty;
        }

        if (_growing is not null)
        {
            return new RecordedBody(_growing.WrittenSpan.ToArray());
        }

        if (_slab.Array is not null)
        {
            return new RecordedBody(_slab[..(int)_length]);
        }

        // A client that stops short of its Content-Length leaves the exact array partly filled.
        return new RecordedBody(_length == _exact!.Length ? _exact : _exact.AsSpan(0, (int)_length).ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync().ConfigureAwait(false);
        }

        if (_chunk is not null)
        {
            ArrayPool<byte>.Shared.Return(_chunk);
            _chunk = null;
        }
    }

    // The part already written is deleted at once: on a full disk it is the space everything else is waiting for.
    private async ValueTask FailAsync(Exception failure)
    {
        _storeFailure = failure;
        var file = _file;
        var path = _path;
        _file = null;
        _path = null;
        _growing = null;
        _slab = default;
        _exact = null;
        _length = 0;
        if (file is not null)
        {
            try
            {
                await file.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Closing a file whose writes failed may fail the same way; the file is deleted below either way.
            }
        }

        if (_chunk is not null)
        {
            ArrayPool<byte>.Shared.Return(_chunk);
            _chunk = null;
        }

        if (path is not null)
        {
            AtomicFile.TryDelete(path);
        }
    }

    /// <summary>Closes the file and returns the chunk without awaiting, for the synchronous path.</summary>
    public void Release()
    {
        _file?.Dispose();
        if (_chunk is not null)
        {
            ArrayPool<byte>.Shared.Return(_chunk);
            _chunk = null;
        }
    }

    private ArrayBufferWriter<byte> Growing()
    {
        if (_growing is null)
        {
            _growing = new ArrayBufferWriter<byte>(4096);
            if (_slab.Array is not null)
            {
                _growing.Write(_slab.AsSpan(0, (int)_length));
                _slab = default;
            }
            else if (_exact is not null)
            {
                _growing.Write(_exact.AsSpan(0, (int)_length));
                _exact = null;
            }
        }

        return _growing;
    }

    private async ValueTask SpillAsync(CancellationToken cancellationToken)
    {
        _file = spill.CreateFile(out _path);
        _chunk = ArrayPool<byte>.Shared.Rent(FileChunk);
        if (_length != 0)
        {
            ReadOnlyMemory<byte> held = _growing is not null ? _growing.WrittenMemory : _slab.Array is not null ? _slab.AsMemory(0, (int)_length) : _exact.AsMemory(0, (int)_length);
            await _file.WriteAsync(held, cancellationToken).ConfigureAwait(false);
        }

        _growing = null;
        _slab = default;
        _exact = null;
    }

    private void Spill()
    {
        _file = spill.CreateFile(out _path);
        _chunk = ArrayPool<byte>.Shared.Rent(FileChunk);
        if (_length != 0)
        {
            ReadOnlySpan<byte> held = _growing is not null ? _growing.WrittenSpan : _slab.Array is not null ? _slab.AsSpan(0, (int)_length) : _exact.AsSpan(0, (int)_length);
            _file.Write(held);
        }

        _growing = null;
        _slab = default;
        _exact = null;
    }
}
