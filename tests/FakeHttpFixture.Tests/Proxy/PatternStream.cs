namespace FakeHttpFixture.Tests.Proxy;

/// <summary>A read-only stream of any length whose byte at position i is i mod 251, made as it is read; <see cref="VerifyAsync"/> checks a copy of it.</summary>
internal sealed class PatternStream(long length) : Stream
{
    private const int Period = 251;
    private static readonly byte[] Cycle = [.. Enumerable.Range(0, Period * 512).Select(i => (byte)(i % Period))];
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value;
    }

    /// <summary>Reads <paramref name="stream"/> to its end, checking every byte against the pattern, and returns how many there were.</summary>
    public static async Task<long> VerifyAsync(Stream stream)
    {
        var buffer = new byte[256 * 1024];
        long position = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            var expected = Cycle.AsSpan((int)(position % Period));
            for (var offset = 0; offset < read; offset += expected.Length)
            {
                var span = buffer.AsSpan(offset, Math.Min(read - offset, Period * 511));
                if (!span.SequenceEqual(Cycle.AsSpan((int)((position + offset) % Period), span.Length)))
                {
                    throw new InvalidDataException($"The byte pattern differs near position {position + offset}.");
                }

                expected = Cycle.AsSpan(0, span.Length);
            }

            position += read;
        }

        return position;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var take = (int)Math.Min(buffer.Length, length - _position);
        for (var done = 0; done < take;)
        {
            var chunk = Math.Min(take - done, Period * 511);
            Cycle.AsSpan((int)((_position + done) % Period), chunk).CopyTo(buffer[done..]);
            done += chunk;
        }

        _position += take;
        return take;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

    public override long Seek(long offset, SeekOrigin origin) => _position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
