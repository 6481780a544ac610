namespace FakeHttpFixture.Tests.Support;

/// <summary>
/// The pause of a client that stalls mid-request, as a crashing uploader does, before it vanishes (FIN, RST, RST_STREAM) or the
/// server is disposed under it. Kestrel drops request-body bytes that the application has not read yet when the end of the
/// connection or stream reaches the same read (dotnet/aspnetcore#13188), so the application must have read what was sent first.
/// </summary>
/// <remarks>
/// Why a pause and not an event: nothing observable says "the application has read these body bytes". The journal sees the
/// request only once its body has ended (that end is what these tests provoke); Kestrel's events and metrics count connections
/// and requests, not body reads; <c>Expect: 100-continue</c> says a read began, not that it took the bytes; the socket's receive
/// queue says Kestrel's transport has them, not the application. Every caller waits on an event for everything else (the journal,
/// a content's Stalled signal, a completion), so this pause is the only time these tests depend on the machine keeping up, and a
/// whole second is far more than a loaded machine needs for a few bytes already in its buffers.
/// </remarks>
internal static class StallingClient
{
    public static Task StallAsync(CancellationToken cancellationToken = default) =>
        Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
}
