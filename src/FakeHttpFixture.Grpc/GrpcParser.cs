using Google.Protobuf;

namespace FakeHttpFixture;

/// <summary>One parser per generated message type, made once.</summary>
/// <typeparam name="T">The generated message type.</typeparam>
internal static class GrpcParser<T>
    where T : class, IMessage<T>, new()
{
    public static readonly MessageParser<T> Instance = new(static () => new T());
}
