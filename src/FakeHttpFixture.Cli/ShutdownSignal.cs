using System.Runtime.InteropServices;

namespace FakeHttpFixture.Cli;

/// <summary>
/// Turns Ctrl+C (SIGINT) and SIGTERM into a graceful stop, so the record and the HAR file are flushed before the process ends.
/// A second signal while stopping is the user insisting: it is left to its default action, which ends the process at once.
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly TaskCompletionSource<PosixSignal> _stop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PosixSignalRegistration[] _registrations;

    public ShutdownSignal()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        ];
    }

    /// <summary>Gets a task that completes with the first signal received.</summary>
    public Task<PosixSignal> Received => _stop.Task;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void Handle(PosixSignalContext context) => context.Cancel = _stop.TrySetResult(context.Signal);
}
