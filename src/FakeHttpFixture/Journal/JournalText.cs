using System.Globalization;

namespace FakeHttpFixture;

/// <summary>Formats what messages about the journal share: a timeout or duration as a person writes it ("5 s", "250 ms").</summary>
internal static class JournalText
{
    public static string Duration(TimeSpan value) => value.TotalSeconds >= 1 && value.Milliseconds == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.#} s")
        : string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:0} ms");
}
