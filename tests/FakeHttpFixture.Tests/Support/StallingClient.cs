namespace FakeHttpFixture.Tests.Support;

/// <summary>
/// The pause of a client that stalls mid-request, as a crashing uploader does. Time is what is tested here: Kestrel
/// drops body bytes that arrive in the same read as the client's FIN (dotnet/aspnetcore#13188), so a client that
/// vanishes must first stall long enough for the server to have read what it sent. One second holds on a loaded machine.
/// </summary>
internal static class StallingClient
{
    public static Task StallAsync(CancellationToken cancellationToken = default) =>
        Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
}
