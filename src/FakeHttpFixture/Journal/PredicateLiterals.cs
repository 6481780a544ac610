using System.Text.RegularExpressions;

namespace FakeHttpFixture;

/// <summary>
/// The paths and methods a predicate's source text names, such as "/payments" in <c>r =&gt; r.Path == "/payments"</c>:
/// a predicate only says yes or no, and these let a failure list what arrived nearest first all the same.
/// </summary>
internal sealed partial class PredicateLiterals
{
    private static readonly string[] KnownMethods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT"];

    private readonly string[] _paths;
    private readonly string[] _methods;

    private PredicateLiterals(string[] paths, string[] methods)
    {
        _paths = paths;
        _methods = methods;
    }

    /// <summary>Gets a value indicating whether the source text named a path or a method to rank by.</summary>
    public bool CanRank => _paths.Length != 0 || _methods.Length != 0;

    public static PredicateLiterals Of(string? source)
    {
        var paths = new List<string>();
        var methods = new List<string>();
        if (source is not null)
        {
            foreach (Match literal in StringLiteral().Matches(source))
            {
                var text = literal.Groups["text"].Value;
                if (text.StartsWith('/'))
                {
                    paths.Add(text);
                }
                else if (KnownMethods.Contains(text, StringComparer.OrdinalIgnoreCase))
                {
                    methods.Add(text);
                }
            }
        }

        return new PredicateLiterals([.. paths], [.. methods]);
    }

    /// <summary>How far a request that did not match is from what the source text names; 1 when it names nothing.</summary>
    public int Distance(RecordedRequest request)
    {
        var distance = 1;
        if (_methods.Length != 0 && !_methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase))
        {
            distance += 4;
        }

        if (_paths.Length != 0)
        {
            var best = int.MaxValue;
            foreach (var path in _paths)
            {
                var target = path.Contains('?', StringComparison.Ordinal) ? request.Path + request.QueryString : request.Path;
                best = Math.Min(best, EditDistance.Of(target, path));
            }

            distance += best;
        }

        return distance;
    }

    // Regular C# string literals; an escaped quote stays inside. Interpolated and raw strings are not read.
    [GeneratedRegex(@"(?<![\w$@])""(?<text>(?:[^""\\\r\n]|\\.)*)""")]
    private static partial Regex StringLiteral();
}
