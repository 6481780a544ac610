using System.Text.RegularExpressions;

namespace FakeHttpFixture;

/// <summary>One WireMock string matcher (<c>{ "equalTo": "x", "caseInsensitive": true }</c> and the like), applied to one value or to all of a header's or query parameter's values.</summary>
internal sealed class StringMatcher
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);
    private readonly Regex? _regex;

    public StringMatcher(StringMatchKind kind, string value, bool caseInsensitive = false)
    {
        Kind = kind;
        Value = value;
        CaseInsensitive = caseInsensitive;
        if (kind is StringMatchKind.Matches or StringMatchKind.DoesNotMatch)
        {
            // Java's String.matches: the whole value, so the pattern is anchored at both ends.
            _regex = new Regex($"\\A(?:{value})\\z", RegexOptions.CultureInvariant | RegexOptions.Singleline, RegexTimeout);
        }
    }

    public StringMatchKind Kind { get; }

    public string Value { get; }

    public bool CaseInsensitive { get; }

    /// <summary>Checks one value; <see langword="null"/> stands for a value that is not there, which only <c>absent</c> matches.</summary>
    public bool IsMatch(string? value)
    {
        if (Kind == StringMatchKind.Absent)
        {
            return value is null;
        }

        if (value is null)
        {
            return false;
        }

        var comparison = CaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return Kind switch
        {
            StringMatchKind.EqualTo => string.Equals(value, Value, comparison),
            StringMatchKind.Contains => value.Contains(Value, comparison),
            StringMatchKind.Matches => _regex!.IsMatch(value),
            StringMatchKind.DoesNotMatch => !_regex!.IsMatch(value),
            _ => false,
        };
    }

    /// <summary>Checks a multi-valued field (a header, a query parameter): absent when it has no values, otherwise any value may match.</summary>
    public bool IsMatch(IReadOnlyList<string>? values)
    {
        if (values is null || values.Count == 0)
        {
            return IsMatch((string?)null);
        }

        if (Kind == StringMatchKind.Absent)
        {
            return false;
        }

        foreach (var value in values)
        {
            if (IsMatch(value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the matcher as WireMock writes it, for messages: <c>equalTo "x"</c>.</summary>
    public override string ToString() => Kind == StringMatchKind.Absent ? "absent" : $"{char.ToLowerInvariant(Kind.ToString()[0])}{Kind.ToString()[1..]} \"{Value}\"{(CaseInsensitive ? " (case-insensitive)" : string.Empty)}";
}
