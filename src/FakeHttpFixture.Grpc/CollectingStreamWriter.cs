using Google.Protobuf;
using Grpc.Core;

namespace FakeHttpFixture;

/// <summary>A response stream that keeps what a service writes, for the conversation to send.</summary>
/// <typeparam name="T">The message type.</typeparam>
internal sealed class CollectingStreamWriter<T> : IServerStreamWriter<T>
    where T : IMessage
{
    private readonly List<IMessage> _messages = [];

    public IReadOnlyList<IMessage> Messages => _messages;

    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(T message)
    {
        _messages.Add(message);
        return Task.CompletedTask;
    }
}
