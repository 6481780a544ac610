namespace FakeHttpFixture;

/// <summary>The faults that break an event stream, and how each is played once the events before it have gone out.</summary>
internal static class EventStreamFaults
{
    /// <summary>Breaks the stream with <paramref name="fault"/> and records it; a hang returns only when the client leaves or the server stops.</summary>
    public static async Task PlayAsync(Exchange exchange, ResponseFault fault, CancellationToken token)
    {
        exchange.PlayFault(fault);
        var context = exchange.Context;
        switch (fault)
        {
            case ResponseFault.ResetConnection:
                ConnectionFaults.Reset(context);
                break;
            case ResponseFault.ResetStream:
                ConnectionFaults.ResetStream(context, ConnectionFaults.InternalError);
                break;
            case ResponseFault.Hang:
                await Task.Delay(Timeout.Infinite, token).ConfigureAwait(false);
                break;
            default:
                await ConnectionFaults.CutOffAsync(context, token).ConfigureAwait(false);
                break;
        }
    }
}
