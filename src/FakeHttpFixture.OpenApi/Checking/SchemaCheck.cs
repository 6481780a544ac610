using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Json.Schema;

namespace FakeHttpFixture;

/// <summary>
/// A schema of the document, built once by JsonSchema.Net, that checks values and says where and why they fail. What it found for a
/// small value is remembered by the value's JSON text: a stub answers the same bytes on every call, and the same bytes against the
/// same schema always give the same findings, so a repeated answer costs a lookup instead of an evaluation.
/// </summary>
internal sealed class SchemaCheck
{
    private const int MaxReceived = 80;
    private const int MemoMaxBytes = 8 * 1024;
    private const int MemoMaxEntries = 512;

    // Most values keep their schema: the flag output stops at the first failure and builds no tree; only a failing value is evaluated
    // again for the list of every failure.
    private static readonly EvaluationOptions Quick = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private readonly JsonSchema _schema;
    private readonly ConcurrentDictionary<string, List<SchemaFinding>> _memo = new(StringComparer.Ordinal);

    public SchemaCheck(JsonSchema schema) => _schema = schema;

    /// <summary>Checks a value given as JSON text (UTF-8); returns null when the text is not JSON.</summary>
    public IReadOnlyList<SchemaFinding>? Check(ReadOnlySpan<byte> utf8)
    {
        var key = utf8.Length <= MemoMaxBytes ? Encoding.UTF8.GetString(utf8) : null;
        if (key is not null && _memo.TryGetValue(key, out var known))
        {
            return known;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(key ?? Encoding.UTF8.GetString(utf8));
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var findings = Evaluate(document.RootElement);
            if (key is not null && _memo.Count < MemoMaxEntries)
            {
                _memo.TryAdd(key, findings);
            }

            return findings;
        }
    }

    private List<SchemaFinding> Evaluate(JsonElement value)
    {
        var findings = new List<SchemaFinding>();
        if (_schema.Evaluate(value, Quick).IsValid)
        {
            return findings;
        }

        var results = _schema.Evaluate(value, Evaluation);

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
