using System.Globalization;
using System.Text;

namespace FakeHttpFixture;

/// <summary>
/// Which documented operations a server's exchanges exercised, and which documented responses they saw, from
/// <see cref="OpenApiServerExtensions.OpenApiCoverage"/>. It spans the server's life: <see cref="HttpFixtureServer.Reset"/> keeps it.
/// </summary>
public sealed class OpenApiCoverage
{
    internal OpenApiCoverage(string document, IReadOnlyList<OpenApiOperationCoverage> operations, int undocumentedRequests)
    {
        Document = document;
        Operations = operations;
        UndocumentedRequests = undocumentedRequests;
    }

    /// <summary>Gets the document's file name.</summary>
    public string Document { get; }

    /// <summary>Gets every documented operation, in document order, with what the exchanges exercised of it.</summary>
    public IReadOnlyList<OpenApiOperationCoverage> Operations { get; }

    /// <summary>Gets how many requests matched no documented operation.</summary>
    public int UndocumentedRequests { get; }

    /// <summary>Gets the operations no request reached.</summary>
    public IReadOnlyList<OpenApiOperationCoverage> Unexercised => [.. Operations.Where(o => !o.Exercised)];

    /// <summary>Returns the report: a headline with the counts, then one line per operation with its calls and responses seen and not seen.</summary>
    /// <returns>The report, one operation a line.</returns>
    public override string ToString()
    {
        var exercised = Operations.Count(o => o.Exercised);
        var responses = Operations.Sum(o => o.DocumentedResponses.Count);
        var seen = responses - Operations.Sum(o => o.ResponsesNotSeen.Count);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"OpenAPI coverage of {Document}: {exercised} of {Operations.Count} operations exercised, {seen} of {responses} documented responses seen");
        text.Append(UndocumentedRequests == 0 ? "." : string.Create(CultureInfo.InvariantCulture, $"; {UndocumentedRequests} requests matched no operation."));
        var width = Operations.Count == 0 ? 0 : Operations.Max(o => o.Method.Length + 1 + o.PathTemplate.Length);
        foreach (var o in Operations)
        {
            text.Append('\n').Append("  ").Append(o.ToString().PadRight(width)).Append("  ");
            text.Append(o.Calls switch { 0 => "never called", 1 => "1 call", var n => string.Create(CultureInfo.InvariantCulture, $"{n} calls") });
            if (o.StatusCodesSeen.Count != 0)
            {
                text.Append(", answered ").AppendJoin(", ", o.StatusCodesSeen);
            }

            if (o.ResponsesNotSeen.Count != 0)
            {
                text.Append("; not seen: ").AppendJoin(", ", o.ResponsesNotSeen);
            }
        }

        return text.ToString();
    }
}
