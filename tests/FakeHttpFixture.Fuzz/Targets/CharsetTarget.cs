namespace FakeHttpFixture.Fuzz;

/// <summary>
/// Charsets.Of, Decode and TryDecodeExact: whatever charset a client declares, none of them throws, and text that
/// TryDecodeExact accepts encodes back to exactly the bytes it came from (the HAR keeps such bodies as text).
/// </summary>
internal sealed class CharsetTarget : FuzzTarget
{
    public override string Name => "charset";

    public override string Description => "Charsets.Of/Decode/TryDecodeExact: line 1 a Content-Type (\"text/plain; charset=latin1\"), the rest the body bytes.";

    public override void Run(ReadOnlySpan<byte> input)
    {
        var body = FuzzInput.FirstLine(input, out var contentType);
        var encoding = Charsets.Of(contentType);
        _ = Charsets.Decode(body.ToArray(), contentType);
        if (Charsets.TryDecodeExact(body, contentType, out var text))
        {
            var again = encoding.GetBytes(text);
            FuzzCheck.That(again.AsSpan().SequenceEqual(body), $"{body.Length} bytes under {encoding.WebName} decoded exactly to {text.Length} chars, which encode back to {again.Length} different bytes");
        }
        else
        {
            FuzzCheck.That(text.Length == 0, "a refused decoding gives no text");
        }
    }
}
