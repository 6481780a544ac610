using System.Text;
using System.Text.RegularExpressions;

namespace FakeHttpFixture;

/// <summary>A documented path such as "/pets/{petId}", matched against request paths segment by segment.</summary>
internal sealed class PathTemplate
{
    private readonly Regex _regex;
    private readonly string[] _names;

    public PathTemplate(string template)
    {
        Text = template;
        var names = new List<string>();
        var pattern = new StringBuilder("^");
        var at = 0;
        foreach (Match m in Regex.Matches(template, @"\{([^}/]+)\}"))
        {
            pattern.Append(Regex.Escape(template[at..m.Index]));
            pattern.Append("([^/]+)");
            names.Add(m.Groups[1].Value);
            at = m.Index + m.Length;
        }

        pattern.Append(Regex.Escape(template[at..])).Append("/?$");
        _regex = new Regex(pattern.ToString(), RegexOptions.CultureInvariant);
        _names = [.. names];
        LiteralLength = template.Length - names.Sum(n => n.Length + 2);
    }

    /// <summary>Gets the template as the document writes it.</summary>
    public string Text { get; }

    /// <summary>Gets how many characters are not parameters: the more, the more specific ("/pets/mine" before "/pets/{id}").</summary>
    public int LiteralLength { get; }

    /// <summary>Matches a decoded request path and returns the path parameters' values, or null.</summary>
    public Dictionary<string, string>? Match(string path)
    {
        var m = _regex.Match(path);
        if (!m.Success)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _names.Length; i++)
        {
            values[_names[i]] = m.Groups[i + 1].Value;
        }

        return values;
    }
}
