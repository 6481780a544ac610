using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.Options;

namespace FakeHttpFixture;

/// <summary>
/// The path part of a stub: exact, a route template ("/orders/{id}", "/files/{**rest}"), a prefix or a regular expression.
/// Templates use ASP.NET Core's own parser and matcher, so their syntax is the one every ASP.NET developer knows.
/// </summary>
internal sealed class StubPath
{
    private static readonly DefaultInlineConstraintResolver ConstraintResolver = new(Options.Create(new RouteOptions()), LoggingOnlyServices.Instance);

    private readonly string _text;
    private readonly string? _exact;
    private readonly PathString _prefix;
    private readonly TemplateMatcher? _template;
    private readonly Regex? _regex;
    private readonly (string Name, IRouteConstraint Constraint)[] _constraints;

    private StubPath(string text, string? exact = null, PathString prefix = default, TemplateMatcher? template = null, Regex? regex = null, (string, IRouteConstraint)[]? constraints = null)
    {
        _text = text;
        _exact = exact;
        _prefix = prefix;
        _template = template;
        _regex = regex;
        _constraints = constraints ?? [];
    }

    public static StubPath ExactOrTemplate(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"The stub path '{path}' must start with '/', as request paths do: write '/{path}'.", nameof(path));
        }

        if (!path.Contains('{', StringComparison.Ordinal))
        {
            return new StubPath(path, exact: path);
        }

        RouteTemplate template;
        try
        {
            template = TemplateParser.Parse(path.TrimStart('/'));
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"The stub path '{path}' is not a valid route template: {ex.Message}", nameof(path), ex);
        }

        return new StubPath(path, template: new TemplateMatcher(template, []), constraints: Constraints(path, template));
    }

    public static StubPath Prefix(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        if (!prefix.StartsWith('/'))
        {
            throw new ArgumentException($"The stub prefix '{prefix}' must start with '/', as request paths do: write '/{prefix}'.", nameof(prefix));
        }

        return new StubPath(prefix + "…", prefix: new PathString(prefix.TrimEnd('/')));
    }

    public static StubPath Pattern(Regex regex)
    {
        ArgumentNullException.ThrowIfNull(regex);
        return new StubPath("~" + regex, regex: regex);
    }

    public bool Matches(string path, out RouteValueDictionary? values)
    {
        values = null;
        if (_exact is not null)
        {
            return string.Equals(_exact, path, StringComparison.Ordinal);
        }

        if (_template is not null)
        {
            values = [];
            if (!_template.TryMatch(new PathString(path), values))
            {
                return false;
            }

            foreach (var (name, constraint) in _constraints)
            {
                if (values.ContainsKey(name) && !constraint.Match(null, null, name, values, RouteDirection.IncomingRequest))
                {
                    return false;
                }
            }

            return true;
        }

        if (_regex is not null)
        {
            var match = _regex.Match(path);
            if (!match.Success)
            {
                return false;
            }

            values = [];
            foreach (Group group in match.Groups)
            {
                if (group.Success && !int.TryParse(group.Name, out _))
                {
                    values[group.Name] = group.Value;
                }
            }

            return true;
        }

        // Segment-aware, so the prefix "/api" matches "/api" and "/api/x" but not "/apix".
        return !_prefix.HasValue || new PathString(path).StartsWithSegments(_prefix);
    }

    /// <summary>Gets the exact path, or <see langword="null"/> for a template, prefix or regex.</summary>
    public string? Exact => _exact;

    /// <summary>Gets the parsed route template, or <see langword="null"/> for another kind of path.</summary>
    public RouteTemplate? Template => _template?.Template;

    /// <summary>Gets the regular expression, or <see langword="null"/> for another kind of path.</summary>
    public Regex? Regex => _regex;

    /// <summary>Gets the prefix without its trailing '/' ("" for "/"), or <see langword="null"/> for another kind of path.</summary>
    public string? PrefixPath => _exact is null && _template is null && _regex is null ? _prefix.Value ?? string.Empty : null;

    /// <summary>Gets the inline constraints of a template, by parameter name.</summary>
    public IReadOnlyList<(string Name, IRouteConstraint Constraint)> RouteConstraints => _constraints;

    public override string ToString() => _text;

    // The matcher binds values only; inline constraints ("{id:int}") are ASP.NET Core's own, resolved once here and checked per match.
    private static (string, IRouteConstraint)[] Constraints(string path, RouteTemplate template)
    {
        List<(string, IRouteConstraint)>? constraints = null;
        foreach (var parameter in template.Parameters)
        {
            foreach (var inline in parameter.InlineConstraints)
            {
                var constraint = ConstraintResolver.ResolveConstraint(inline.Constraint)
                    ?? throw new ArgumentException($"The stub path '{path}' uses the route constraint '{inline.Constraint}', which ASP.NET Core does not know. Use one such as int, guid, alpha or regex(...).", nameof(path));
                (constraints ??= []).Add((parameter.Name!, constraint));
            }
        }

        return constraints?.ToArray() ?? [];
    }
}
