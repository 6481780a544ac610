using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>
/// The body of a request an added stage answers while it arrives (<see cref="IAnsweringStage.AnswersWhileBodyArrives"/>): the
/// server does not read it first; the stage reads it through the request, and every byte the stage reads is kept here, as the
/// body of any other request is, and handed to the journal's record when the exchange completes.
/// </summary>
internal sealed class StreamedRequestBody : Stream
{
    private readonly Stream _inner;
    private readonly BodySink _sink;
    private bool _notKept;

    private StreamedRequestBody(Stream inner, BodySink sink)
    {
        _inner = inner;
        _sink = sink;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Puts the recording body in place of the request's body, before any stage reads it.</summary>
    public static StreamedRequestBody Install(HttpContext context, BodySpillDirectory spill, long threshold)
    {
        var body = new StreamedRequestBody(context.Request.Body, new BodySink(spill, threshold, context.Request.ContentLength));
        context.Request.Body = body;
        return body;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Keep(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = _inner.Read(buffer, offset, count);
        Keep(buffer.AsSpan(offset, read));
        return read;
    }

    /// <summary>Gives the record the bytes the stage read: the whole body when it read to the end.</summary>
    public async ValueTask FinishAsync(RecordedRequest request)
    {
        var body = await _sink.CompleteAsync().ConfigureAwait(false);
        await _sink.DisposeAsync().ConfigureAwait(false);
        if (!_notKept)
        {
            request.AttachStreamedBody(body);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        if (_notKept || bytes.IsEmpty)
        {
            return;
        }

        try
        {
            _sink.Write(bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A full temp folder loses the record of this body, never the stream the stage is reading.
            _notKept = true;
        }
    }
}
