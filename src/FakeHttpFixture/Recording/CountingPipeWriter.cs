using System.IO.Pipelines;

namespace FakeHttpFixture;

/// <summary>Passes writes to Kestrel's response writer and tells the exchange of each: it notes status and headers before the first call that can start the response, and counts every committed byte.</summary>
internal sealed class CountingPipeWriter(PipeWriter inner, Exchange exchange) : PipeWriter
{
    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes;

    public override void Advance(int bytes)
    {
        exchange.BeforeStart();
        exchange.AddResponseBytes(bytes);
        inner.Advance(bytes);
    }

    public override Memory<byte> GetMemory(int sizeHint = 0)
    {
        exchange.BeforeStart();
        return inner.GetMemory(sizeHint);
    }

    public override Span<byte> GetSpan(int sizeHint = 0)
    {
        exchange.BeforeStart();
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
