namespace FakeHttpFixture;

/// <summary>
/// The response body of one exchange, teed from the exchange's writes as they go out: into memory, or past the memory threshold
/// into a temp file, as request bodies are. Only a server that records response bodies (ProxyTo, RecordResponseBodies) makes one,
/// so a server that does not pays nothing for it.
/// </summary>
/// <remarks>
/// The exchange completes it once its responders are done, which can be a moment after the client has read the last byte; readers
/// (<see cref="RecordedRequest.ResponseBody"/>, the HAR writer) wait for that moment instead of racing it.
/// </remarks>
internal sealed class ResponseCapture(BodySpillDirectory spill, long threshold)
{
    private readonly TaskCompletionSource<RecordedBody?> _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private BodySink? _sink;
    private bool _failed;
    private byte[]? _bytes;

    /// <summary>Gets a value indicating whether the exchange has completed, so the body is final.</summary>
    public bool IsComplete => _completed.Task.IsCompleted;

    public void Write(ReadOnlySpan<byte> bytes, long? contentLength)
    {
        if (_failed || bytes.IsEmpty)
        {
            return;
        }

        try
        {
            (_sink ??= new BodySink(spill, threshold, contentLength)).Write(bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // A full disk loses the recording of this body, never the response the client is reading.
            Fail();
        }
    }

    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, long? contentLength)
    {
        if (_failed || bytes.IsEmpty)
        {
            return;
        }

        try
        {
            // Not cancellable: bytes that went to the client are recorded even if it leaves now.
            await (_sink ??= new BodySink(spill, threshold, contentLength)).WriteAsync(new(bytes), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            Fail();
        }
    }

    /// <summary>Ends the body when the exchange completes; what was written until then is the body.</summary>
    public void Complete()
    {
        if (_completed.Task.IsCompleted)
        {
            return;
        }

        RecordedBody? body = null;
        if (!_failed)
        {
            try
            {
                body = _sink?.Complete() ?? RecordedBody.Empty;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                _sink?.Release();
            }
        }

        _completed.TrySetResult(body);
    }

    /// <summary>Returns the body once the exchange has completed, waiting up to <paramref name="timeout"/> for it; null when it could not be recorded or is still going out.</summary>
    public RecordedBody? Wait(TimeSpan timeout)
    {
        var task = _completed.Task;
        return task.IsCompleted || task.Wait(timeout) ? task.Result : null;
    }

    /// <summary>Returns the body's bytes, loaded once; null when it could not be recorded or is still going out after <paramref name="timeout"/>.</summary>
    public byte[]? Bytes(TimeSpan timeout)
    {
        if (_bytes is { } bytes)
        {
            return bytes;
        }

        return Wait(timeout) is { } body ? Interlocked.CompareExchange(ref _bytes, body.Load(), null) ?? _bytes : null;
    }

    private void Fail()
    {
        _failed = true;
        _sink?.Release();
        _sink = null;
    }
}
