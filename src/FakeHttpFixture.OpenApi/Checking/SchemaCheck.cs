using System.Text.Json;
using Json.Schema;

namespace FakeHttpFixture;

/// <summary>A schema of the document, built once by JsonSchema.Net, that checks values and says where and why they fail.</summary>
internal sealed class SchemaCheck
{
    private const int MaxReceived = 80;

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private readonly JsonSchema _schema;

    public SchemaCheck(JsonSchema schema) => _schema = schema;

    public bool IsValid(JsonElement value) => _schema.Evaluate(value, Evaluation).IsValid;

    public List<SchemaFinding> Check(JsonElement value)
    {
        var results = _schema.Evaluate(value, Evaluation);
        var findings = new List<SchemaFinding>();
        if (results.IsValid)
        {
            return findings;
        }

        foreach (var node in (IEnumerable<EvaluationResults>)[results, .. results.Details ?? []])
        {
            if (node.Errors is null)
            {
                continue;
            }

            var pointer = node.InstanceLocation.ToString();
            foreach (var (keyword, message) in node.Errors)
            {
                var text = keyword.Length == 0 && node.EvaluationPath.ToString() is var path && (path.EndsWith("Properties", StringComparison.Ordinal))
                    ? $"the property is not in the schema ({path[(path.LastIndexOf('/') + 1)..]}: false)"
                    : keyword.Length == 0 ? message : $"{keyword}: {Unquote(message)}";
                var finding = new SchemaFinding(pointer, text, Received(value, pointer), "#" + Uri.UnescapeDataString(node.SchemaLocation.Fragment.TrimStart('#')));
                if (!findings.Contains(finding))
                {
                    findings.Add(finding);
                }
            }
        }

        return findings;
    }

    // JsonSchema.Net writes a string value in its messages as "\u0022circle\u0022" inside quotes; readers want "circle".
    private static string Unquote(string message) =>
        message.Replace("\"\\u0022", "\"", StringComparison.Ordinal).Replace("\\u0022\"", "\"", StringComparison.Ordinal).Replace("\\u0022", "\"", StringComparison.Ordinal);

    private static string? Received(JsonElement root, string pointer)
    {
        if (JsonRefs.At(root, pointer) is not { } value)
        {
            return null;
        }

        var text = value.GetRawText();
        return text.Length <= MaxReceived ? text : text[..MaxReceived] + "…";
    }
}
