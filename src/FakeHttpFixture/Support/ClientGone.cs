using Microsoft.AspNetCore.Connections;

namespace FakeHttpFixture;

/// <summary>
/// Tells the exceptions that mean "the other side went away" (a reset or closed connection, a cancelled read or write) from real
/// failures, in one place: a stage that writes to a client who left records a broken response instead of failing the server.
/// </summary>
internal static class ClientGone
{
    /// <summary>Returns whether <paramref name="exception"/> says the peer is gone or the operation was cancelled because it is.</summary>
    public static bool Is(Exception exception) => exception is IOException or OperationCanceledException or ConnectionResetException;
}
