using System.Text.RegularExpressions;

namespace FakeHttpFixture;

/// <summary>The source text the compiler passes through <c>[CallerArgumentExpression]</c>, made fit for a message of one line.</summary>
internal static partial class SourceText
{
    /// <summary>Returns <paramref name="expression"/> on one line, or <paramref name="fallback"/> when the compiler gave none.</summary>
    public static string OneLine(string? expression, string fallback)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return fallback;
        }

        // A lambda written over several lines keeps the caller's line breaks and indentation; only those runs are collapsed,
        // so that the spaces inside a string literal stay as written.
        return expression.AsSpan().ContainsAny('\r', '\n') ? LineBreak().Replace(expression.Trim(), " ") : expression.Trim();
    }

    [GeneratedRegex(@"[ \t]*\r?\n\s*")]
    private static partial Regex LineBreak();
}
