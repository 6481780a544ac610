namespace FakeHttpFixture.Cli;

/// <summary>
/// The sequence numbers already written, kept small for a session of any length: every number below a mark is written, and
/// only those above it that completed out of order are held one by one.
/// </summary>
internal sealed class WrittenSequences
{
    private readonly HashSet<long> _above = [];
    private long _next = 1;

    /// <summary>Adds a sequence number; returns false when it was already there.</summary>
    public bool Add(long sequence)
    {
        if (sequence < _next || !_above.Add(sequence))
        {
            return false;
        }

        while (_above.Remove(_next))
        {
            _next++;
        }

        return true;
    }
}
