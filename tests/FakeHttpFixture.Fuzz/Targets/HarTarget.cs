namespace FakeHttpFixture.Fuzz;

/// <summary>
/// The HAR reader replay loads files with: any bytes as a HAR file. A file replay cannot use may throw InvalidDataException with
/// a sentence (not UTF-8, not JSON, a field of the wrong type or value), as documented; nothing else may throw. What it accepts
/// must be safe to put on the wire: a status from 200 to 999, a reason phrase and header values without line breaks or other
/// control characters, header names that are tokens, a break that falls inside its body, and every entry kept for a refresh.
/// </summary>
internal sealed class HarTarget : FuzzTarget
{
    public override string Name => "har";

    public override string Description => "HarReader: the input is a whole HAR file (UTF-8 JSON, malformed, deep or huge).";

    public override void Run(ReadOnlySpan<byte> input)
    {
        HarFile file;
        try
        {
            file = HarReader.Parse("fuzz.har", input.ToArray());
        }
        catch (InvalidDataException ex)
        {
            FuzzCheck.That(ex.Message.StartsWith("The HAR file 'fuzz.har' ", StringComparison.Ordinal), $"a refusal names the file: {ex.Message}");
            return;
        }

        FuzzCheck.That(file.Raw.Count >= file.Entries.Count, $"{file.Entries.Count} replayable entries but only {file.Raw.Count} kept");
        foreach (var entry in file.Entries)
        {
            FuzzCheck.That(entry.Status is >= 200 and <= 999, $"status {entry.Status} replayed");
            FuzzCheck.That(entry.Method.Length > 0 && !entry.Method.Any(char.IsWhiteSpace), $"method \"{entry.Method}\" replayed");
            FuzzCheck.That(entry.ReasonPhrase is null || entry.ReasonPhrase.All(c => c is '\t' or (>= ' ' and < '\u007f')), "a reason phrase that is not one line of ASCII");
            FuzzCheck.That(entry.BreakAfter is null or >= 0, $"a break after {entry.BreakAfter} bytes");
            FuzzCheck.That(entry.ContentLength is null or >= 0, $"Content-Length {entry.ContentLength}");
            foreach (var (name, values) in entry.Headers)
            {
                FuzzCheck.That(name.Length > 0 && name.All(c => c is > ' ' and < '\u007f' && c != ':'), $"header name \"{name}\" is not a token");
                foreach (var value in values)
                {
                    FuzzCheck.That(value is not null && value.All(c => c == '\t' || !char.IsControl(c)), $"header {name} has a control character");
                }
            }
        }
    }
}
