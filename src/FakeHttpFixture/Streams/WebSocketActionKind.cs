namespace FakeHttpFixture;

/// <summary>What a <see cref="WebSocketAction"/> does.</summary>
internal enum WebSocketActionKind
{
    Text,
    Binary,
    Close,
    Abort,
    CloseMidMessage,
    Delay,
}
