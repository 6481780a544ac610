using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>The inspector's page, style sheet and script, embedded in the assembly (Inspector/Assets) and read once.</summary>
internal static class InspectorAssets
{
    // Nothing is loaded from elsewhere, and nothing inline runs: recorded bodies a page shows cannot become script.
    private const string Policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly Lazy<FrozenDictionary<string, byte[]>> Files = new(Load);

    public static async Task ServeAsync(HttpContext context, string name)
    {
        var content = Files.Value[name];
        var response = context.Response;
        response.ContentType = Path.GetExtension(name) switch
        {
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            _ => "text/html; charset=utf-8",
        };
        response.Headers.ContentSecurityPolicy = Policy;
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.ContentLength = content.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(content, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(InspectorAssets).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in (string[])["index.html", "inspector.css", "inspector.js"])
        {
            using var stream = assembly.GetManifestResourceStream("FakeHttpFixture.Inspector." + name)
                ?? throw new InvalidOperationException($"The inspector's {name} is missing from the FakeHttpFixture assembly; the package is damaged. Reinstall it.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[name] = copy.ToArray();
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
