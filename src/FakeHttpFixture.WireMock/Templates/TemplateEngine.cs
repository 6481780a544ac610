using System.Collections.Concurrent;
using HandlebarsDotNet;

namespace FakeHttpFixture;

/// <summary>Renders WireMock response templates with Handlebars.Net and WireMock's common helpers; each template is compiled once.</summary>
internal static class TemplateEngine
{
    private static readonly IHandlebars Handlebars = Create();
    private static readonly ConcurrentDictionary<string, HandlebarsTemplate<object, object>> Compiled = new(StringComparer.Ordinal);

    public static string Render(string template, Dictionary<string, object?> model) =>
        Compiled.GetOrAdd(template, static text => Handlebars.Compile(text))(model);

    private static IHandlebars Create()
    {
        // WireMock writes values as they are: bodies are JSON or text, not HTML.
        var handlebars = HandlebarsDotNet.Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
        TemplateHelpers.Register(handlebars);
        return handlebars;
    }
}
