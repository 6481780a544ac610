using System.IO.Pipelines;

namespace FakeHttpFixture;

/// <summary>
/// Passes writes to Kestrel's response writer and tells the exchange of each: it notes status and headers before the first call
/// that can start the response, counts every committed byte, and tees them into the body's record when the exchange keeps one.
/// </summary>
internal sealed class CountingPipeWriter(PipeWriter inner, Exchange exchange) : PipeWriter
{
    // The memory last lent to the writer, whose first bytes Advance commits; kept only when the body is recorded.
    private Memory<byte> _lent;

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes;

    public override void Advance(int bytes)
    {
        exchange.BeforeStart();
        exchange.AddResponseBytes(bytes);
        if (exchange.CapturesBody)
        {
            exchange.CaptureBody(_lent.Span[..bytes]);
            _lent = _lent[bytes..];
        }

        inner.Advance(bytes);
    }

    public override Memory<byte> GetMemory(int sizeHint = 0)
    {
        exchange.BeforeStart();
        var memory = inner.GetMemory(sizeHint);
        if (exchange.CapturesBody)
        {
            _lent = memory;
        }

        return memory;
    }

    public override Span<byte> GetSpan(int sizeHint = 0)
    {
        exchange.BeforeStart();
        if (exchange.CapturesBody)
        {
            // A span cannot be kept for Advance to read, so the memory behind it is lent instead.
            _lent = inner.GetMemory(sizeHint);
            return _lent.Span;
        }

        return inner.GetSpan(sizeHint);
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        exchange.BeforeStart();
        return inner.FlushAsync(cancellationToken);
    }

    public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        exchange.BeforeStart();
        exchange.AddResponseBytes(source.Length);
        if (exchange.CapturesBody)
        {
            exchange.CaptureBody(source.Span);
        }

        return inner.WriteAsync(source, cancellationToken);
    }

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null)
    {
        exchange.BeforeStart();
        inner.Complete(exception);
    }

    public override ValueTask CompleteAsync(Exception? exception = null)
    {
        exchange.BeforeStart();
        return inner.CompleteAsync(exception);
    }
}
