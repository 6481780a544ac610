using Grpc.Core;

namespace FakeHttpFixture;

/// <summary>A request stream of one message, to hand one message of a conversation to a service written against Grpc.Core.Api.</summary>
/// <typeparam name="T">The message type.</typeparam>
internal sealed class SingleMessageReader<T>(T message) : IAsyncStreamReader<T>
{
    private bool _read;

    public T Current => _read ? message : throw new InvalidOperationException("MoveNext has not been called.");

    public Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        var next = !_read;
        _read = true;
        return Task.FromResult(next);
    }
}
