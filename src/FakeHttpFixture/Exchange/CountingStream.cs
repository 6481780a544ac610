namespace FakeHttpFixture;

/// <summary>
/// Passes writes to Kestrel's response stream, keeping its synchronous-IO rules, and tells the exchange of each: it notes status
/// and headers before the first write or flush, counts every byte, and tees them into the body's record when the exchange keeps one.
/// </summary>
internal sealed class CountingStream(Stream inner, Exchange exchange) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        exchange.BeforeStart();
        inner.Write(buffer, offset, count);
        exchange.AddResponseBytes(count);
        if (exchange.CapturesBody)
        {
            exchange.CaptureBody(buffer.AsSpan(offset, count));
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        exchange.BeforeStart();
        inner.Write(buffer);
        exchange.AddResponseBytes(buffer.Length);
        if (exchange.CapturesBody)
        {
            exchange.CaptureBody(buffer);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Counted before the write so that a client holding the bytes never sees a smaller count.
        exchange.BeforeStart();
        exchange.AddResponseBytes(buffer.Length);
        return exchange.CapturesBody ? WriteCapturedAsync(buffer, cancellationToken) : inner.WriteAsync(buffer, cancellationToken);
    }

    // Pooled: a proxied body comes through here a buffer at a time, and each await would otherwise box a new state machine.
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask WriteCapturedAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        await exchange.CaptureBodyAsync(buffer).ConfigureAwait(false);
        await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override void Flush()
    {
        exchange.BeforeStart();
        inner.Flush();
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        exchange.BeforeStart();
        return inner.FlushAsync(cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
