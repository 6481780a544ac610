using System.Text;

namespace FakeHttpFixture;

/// <summary>One way an exchange broke the document, in the words <see cref="HttpFixtureServer.Verify"/> prints.</summary>
internal static class ContractViolation
{
    /// <summary>
    /// Writes "GET /pets/1 (request #3) broke the OpenAPI contract of GET /pets/{petId} in pets.yaml: response 200 body at /name:
    /// type: Value is "integer" but should be "string" (received 3; schema #/components/schemas/Pet/properties/name)."
    /// </summary>
    public static string Describe(RecordedRequest request, ContractDocument document, ContractOperation? operation, string where, string what)
    {
        var text = new StringBuilder()
            .Append(request.Method).Append(' ').Append(request.Path).Append(request.QueryString)
            .Append(" (request #").Append(request.Sequence).Append(") broke the OpenAPI contract ");
        if (operation is not null)
        {
            text.Append("of ").Append(operation.Name).Append(' ');
        }

        return text.Append("in ").Append(document.FileName).Append(": ").Append(where).Append(": ").Append(what.TrimEnd('.')).Append('.').ToString();
    }

    public static string Describe(SchemaFinding finding)
    {
        var text = new StringBuilder(finding.Message.TrimEnd('.'));
        text.Append(" (");
        if (finding.Received is not null)
        {
            text.Append("received ").Append(finding.Received).Append("; ");
        }

        return text.Append("schema ").Append(finding.SchemaLocation).Append(')').ToString();
    }

    public static string At(string where, string pointer) => pointer.Length == 0 ? where : $"{where} at {pointer}";
}
