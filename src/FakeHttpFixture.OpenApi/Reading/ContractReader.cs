using System.Text;
using System.Text.Json;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace FakeHttpFixture;

/// <summary>
/// Reads an OpenAPI document (2.0, 3.0 or 3.1; JSON or YAML) with Microsoft.OpenApi, fails with the file and the place of every
/// error, and writes it back as OpenAPI 3.1 JSON: one form to check against, whose schemas are JSON Schema 2020-12.
/// </summary>
internal static class ContractReader
{
    public static ContractDocument Read(string fullPath)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        using var stream = new MemoryStream(File.ReadAllBytes(fullPath));
        var format = fullPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "json" : "yaml";
        var (document, diagnostic) = OpenApiDocument.Load(stream, format, settings);

        // A reference to nothing is only a warning to Microsoft.OpenApi; a contract with one cannot be checked.
        var errors = (diagnostic?.Errors ?? []).Concat((diagnostic?.Warnings ?? []).Where(w => w.Pointer?.EndsWith("/$ref", StringComparison.Ordinal) == true)).ToList();
        if (document is null || errors.Count != 0)
        {
            throw new InvalidOperationException(Describe(fullPath, errors));
        }

        var text = new StringWriter();
        document.SerializeAsV31(new OpenApiJsonWriter(text, new OpenApiJsonWriterSettings { Terse = true }));
        var root = JsonDocument.Parse(text.ToString()).RootElement;
        try
        {
            return new ContractDocument(fullPath, root, OperationReader.Read(root), BasePaths(document));
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"The OpenAPI document '{fullPath}' cannot be used: {ex.Message} Fix the document, or pass another.", ex);
        }
    }

    private static string Describe(string fullPath, List<OpenApiError> errors)
    {
        var message = new StringBuilder($"The OpenAPI document '{fullPath}' cannot be used: ");
        if (errors.Count == 0)
        {
            message.Append("it could not be read as OpenAPI. ");
        }

        foreach (var error in errors)
        {
            var place = string.IsNullOrEmpty(error.Pointer) ? "in the file" : $"at {error.Pointer}";
            message.Append(place).Append(": ").Append(error.Message.TrimEnd('.', ' ')).Append(". ");
        }

        return message.Append("Fix the document, or pass another.").ToString();
    }

    private static List<string> BasePaths(OpenApiDocument document)
    {
        var paths = new List<string>();
        foreach (var server in document.Servers ?? [])
        {
            var url = server.Url ?? string.Empty;
            var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : url.Split('?')[0];
            path = path.TrimEnd('/');
            if (path.StartsWith('/') && !paths.Contains(path))
            {
                paths.Add(path);
            }
        }

        paths.Add(string.Empty);
        return paths;
    }
}
