namespace FakeHttpFixture;

/// <summary>What a <see cref="ResponseFault"/> means for the response it breaks.</summary>
internal static class ResponseFaultExtensions
{
    /// <summary>Returns whether the fault takes the place of the response (no status line goes out), rather than breaking its body.</summary>
    public static bool ReplacesResponse(this ResponseFault fault) => fault is > ResponseFault.None and < ResponseFault.CloseAfterHeaders;
}
