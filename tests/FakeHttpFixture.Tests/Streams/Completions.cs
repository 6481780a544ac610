using System.Collections.Concurrent;

namespace FakeHttpFixture.Tests.Streams;

/// <summary>
/// Tells a test when the server has finished an exchange, which for a stream may be just after the client saw its end:
/// the record is final then. It listens to <see cref="HttpFixtureOptions.OnRequestCompleted"/>, an event, not a poll.
/// </summary>
internal sealed class Completions
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<long, TaskCompletionSource<RecordedRequest>> _done = new();

    /// <summary>Hooks the server's options; pass it to Start, or call it from a configure delegate.</summary>
    public void Configure(HttpFixtureOptions options) => options.OnRequestCompleted = r => For(r.Sequence).TrySetResult(r);

    /// <summary>Returns the request with <paramref name="sequence"/> once its exchange is complete.</summary>
    public Task<RecordedRequest> OfAsync(long sequence) =>
        For(sequence).Task.WaitAsync(Generous, TestContext.Current.CancellationToken);

    private TaskCompletionSource<RecordedRequest> For(long sequence) =>
        _done.GetOrAdd(sequence, static _ => new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously));
}
