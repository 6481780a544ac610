using System.IO.Pipelines;

namespace FakeHttpFixture;

/// <summary>Passes writes to Kestrel's response writer and adds each committed byte to the recorded request's response size; status and headers are noted before the first call that can start the response.</summary>
internal sealed class CountingPipeWriter(PipeWriter inner, ResponseRecorder recorder) : PipeWriter
{
    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes;

    public override void Advance(int bytes)
    {
        recorder.BeforeStart();
        recorder.Request.AddResponseBytes(bytes);
        inner.Advance(bytes);
    }

    public override Memory<byte> GetMemory(int sizeHint = 0)
    {
        recorder.BeforeStart();
        return inner.GetMemory(sizeHint);
    }

    public override Span<byte> GetSpan(int sizeHint = 0)
    {
        recorder.BeforeStart();
        return inner.GetSpan(sizeHint);
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        recorder.BeforeStart();
        return inner.FlushAsync(cancellationToken);
    }

    public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        recorder.BeforeStart();
        recorder.Request.AddResponseBytes(source.Length);
        return inner.WriteAsync(source, cancellationToken);
    }

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null)
    {
        recorder.BeforeStart();
        inner.Complete(exception);
    }

    public override ValueTask CompleteAsync(Exception? exception = null)
    {
        recorder.BeforeStart();
        return inner.CompleteAsync(exception);
    }
}
