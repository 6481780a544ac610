using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace FakeHttpFixture;

/// <summary>
/// How a received path compares with a stub's path, for a miss report: whether it matched, how far it is (segments that
/// differ, then characters), and a line that says where it first differs, such as
/// <c>path /orders/{id:int}: received /orders/abc, segment 2 "abc" does not satisfy {id:int}</c>.
/// </summary>
internal sealed class PathComparison
{
    private PathComparison(bool held, int segments, int characters, string text)
    {
        Held = held;
        Segments = segments;
        Characters = characters;
        Text = text;
    }

    public bool Held { get; }

    /// <summary>Gets how many segments differ: missing, extra or different ones; 0 when the path matched.</summary>
    public int Segments { get; }

    /// <summary>Gets how many characters the differing segments are apart, to rank paths that differ in as many segments.</summary>
    public int Characters { get; }

    public string Text { get; }

    public static PathComparison Of(StubPath path, string received)
    {
        var held = path.Matches(received, out var values);
        var spec = path.Exact ?? (path.Template is not null ? $"template {path}"
            : path.Regex is { } regex ? $"regex {regex}"
            : $"prefix {(path.PrefixPath!.Length == 0 ? "/" : path.PrefixPath)}");
        if (held)
        {
            return new PathComparison(true, 0, 0, $"path {spec}{Values(values)}");
        }

        var (segments, characters, where) = path.Exact is { } exact ? Literal(exact, received, caseSensitive: true, allowExtra: false)
            : path.Template is { } template ? Template(template, path, received)
            : path.Regex is { } pattern ? Pattern(pattern, received)
            : Literal(path.PrefixPath!, received, caseSensitive: false, allowExtra: true);
        return new PathComparison(false, Math.Max(segments, 1), characters, $"path {spec}: received {received}, {where}");
    }

    private static (int, int, string) Literal(string expected, string received, bool caseSensitive, bool allowExtra)
    {
        if (!allowExtra && expected.TrimEnd('/') == received.TrimEnd('/'))
        {
            return (1, 1, received.EndsWith('/') ? "which has a final '/' the stub's path has not" : "which lacks the final '/' of the stub's path");
        }

        var want = Split(expected);
        var comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return Walk(Split(received), want.Length, i => Quote(want[i]), allowExtra, catchAllAt: -1, canBeMissing: _ => false, (i, got) =>
        {
            if (string.Equals(got, want[i], comparison))
            {
                return null;
            }

            var caseOnly = caseSensitive && string.Equals(got, want[i], StringComparison.OrdinalIgnoreCase) ? " (paths are case-sensitive)" : string.Empty;
            return $"segment {i + 1} is {Quote(got)}, not {Quote(want[i])}{caseOnly}";
        });
    }

    private static (int, int, string) Template(RouteTemplate template, StubPath path, string received)
    {
        var segments = template.Segments;
        var texts = Split(path.ToString());
        if (texts.Length != segments.Count)
        {
            texts = [.. segments.Select(s => string.Concat(s.Parts.Select(p => p.IsLiteral ? p.Text : $"{{{p.Name}}}")))];
        }

        var catchAllAt = -1;
        for (var i = segments.Count - 1; i >= 0; i--)
        {
            catchAllAt = segments[i].Parts.Any(p => p.IsCatchAll) ? i : catchAllAt;
        }

        var result = Walk(Split(received), segments.Count, i => segments[i].Parts is [{ IsLiteral: true } literal] ? Quote(literal.Text!) : texts[i], allowExtra: false, catchAllAt,
            canBeMissing: i => segments[i].Parts is [{ IsParameter: true } p] && (p.IsOptional || p.DefaultValue is not null),
            (i, got) => Misfit(segments[i], texts[i], path.RouteConstraints, i, got));

        // The segment walk is for words; the matcher's verdict stands when the two disagree.
        return result.Item3.Length == 0 ? (1, 1, "which the template does not match") : result;
    }

    private static string? Misfit(TemplateSegment segment, string text, IReadOnlyList<(string Name, IRouteConstraint Constraint)> constraints, int i, string got)
    {
        if (segment.Parts is [{ IsLiteral: true } literal])
        {
            return string.Equals(got, literal.Text, StringComparison.OrdinalIgnoreCase) ? null : $"segment {i + 1} is {Quote(got)}, not {Quote(literal.Text!)}";
        }

        if (segment.Parts is [{ IsParameter: true } parameter])
        {
            if (got.Length == 0)
            {
                return $"segment {i + 1} is empty where {text} needs a value";
            }

            var values = new RouteValueDictionary { [parameter.Name!] = got };
            foreach (var (name, constraint) in constraints)
            {
                if (name == parameter.Name && !constraint.Match(null, null, name, values, RouteDirection.IncomingRequest))
                {
                    return $"segment {i + 1} {Quote(got)} does not satisfy {text}";
                }
            }

            return null;
        }

        var matcher = new TemplateMatcher(new RouteTemplate(text, [segment]), []);
        return matcher.TryMatch(new PathString("/" + got), []) ? null : $"segment {i + 1} {Quote(got)} does not fit {text}";
    }

    private static (int, int, string) Pattern(Regex regex, string received)
    {
        var start = LiteralStart(regex.ToString());
        if (start.Length == 0)
        {
            return (Split(received).Length, received.Length, "which it does not match");
        }

        var comparison = regex.Options.HasFlag(RegexOptions.IgnoreCase) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var common = 0;
        while (common < Math.Min(start.Length, received.Length) && string.Compare(start, common, received, common, 1, comparison) == 0)
        {
            common++;
        }

        if (common == start.Length)
        {
            return (1, 1, $"which starts with {Quote(start)} but does not match the rest");
        }

        var missed = start[common..];
        return (1 + missed.Count(c => c == '/'), missed.Length + 1, $"which does not start with {Quote(start)}");
    }

    // The characters a pattern's match must begin with: after ^, up to the first construct that is not a plain character;
    // a character a quantifier makes optional is left out.
    private static string LiteralStart(string pattern)
    {
        var text = new System.Text.StringBuilder();
        var i = pattern.StartsWith('^') ? 1 : 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && !char.IsLetterOrDigit(pattern[i + 1]))
            {
                c = pattern[++i];
            }
            else if (c == '\\' || ".$^{[(|)*+?".Contains(c, StringComparison.Ordinal))
            {
                break;
            }

            if (i + 1 < pattern.Length && pattern[i + 1] is '*' or '?' or '{')
            {
                break;
            }

            text.Append(c);
            i++;
        }

        return text.ToString();
    }

    private static (int Segments, int Characters, string Where) Walk(string[] got, int wanted, Func<int, string> display, bool allowExtra, int catchAllAt, Func<int, bool> canBeMissing, Func<int, string, string?> misfit)
    {
        var segments = 0;
        var characters = 0;
        string? where = null;
        var end = catchAllAt >= 0 ? catchAllAt : Math.Max(wanted, got.Length);
        for (var i = 0; i < end; i++)
        {
            if (i < wanted && i < got.Length)
            {
                if (misfit(i, got[i]) is { } why)
                {
                    // A literal costs its edit distance, ignoring case so that "/Orders" for "/orders" ranks nearest; a parameter costs 1.
                    var want = display(i);
                    segments++;
                    characters += want.StartsWith('"') ? EditDistance.Of(got[i].ToLowerInvariant(), want.Trim('"').ToLowerInvariant()) : 1;
                    where ??= why;
                }
            }
            else if (i < wanted)
            {
                if (!canBeMissing(i))
                {
                    // A missing literal costs its length; a missing parameter 1, as any short value would have done.
                    segments++;
                    characters += display(i).StartsWith('"') ? display(i).Length - 1 : 1;
                    where ??= $"which ends before segment {i + 1}, {display(i)}";
                }
            }
            else if (!allowExtra)
            {
                segments++;
                characters += got[i].Length + 1;
                where ??= $"which goes on past the end with {Quote("/" + string.Join('/', got[i..]))}";
            }
        }

        return (segments, characters, where ?? string.Empty);
    }

    private static string[] Split(string path) => path.Length <= 1 ? [] : path[1..].Split('/');

    private static string Quote(string text) => ReportText.Quote(text);

    private static string Values(RouteValueDictionary? values) => values is null || values.Count == 0
        ? string.Empty
        : " (" + string.Join(", ", values.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key}: {ReportText.Cut(v.Value?.ToString() ?? string.Empty, 40)}"))) + ")";
}
