namespace FakeHttpFixture;

/// <summary>Checks every completed exchange of a server against one document and reports each violation to Verify; keeps the coverage.</summary>
internal sealed class ContractObserver(ContractDocument document, OpenApiValidationOptions options) : IExchangeObserver
{
    public CoverageLog Coverage { get; } = new(document);

    public void OnExchangeCompleted(RecordedRequest request, HttpFixtureServer server)
    {
        var operation = document.Find(request.Method, request.Path, out var pathValues, out var samePath);
        if (operation is null && IsPreflight(request))
        {
            // A browser's CORS preflight is the server's business (EnableCors), not the API's: documents rarely list it.
            return;
        }

        if (operation is null)
        {
            Coverage.RecordUndocumented();
            var what = samePath.Length != 0
                ? $"the path {samePath[0].Path.Text} is documented, but not for {request.Method} (it has {string.Join(", ", samePath.Select(o => o.Method))})"
                : "no documented path matches it";
            server.ReportProblem(ContractViolation.Describe(request, document, null, "request", what));
            return;
        }

        Coverage.Record(operation, request.StatusCode);
        var found = new List<(string Where, string What)>();
        RequestCheck.Check(document, operation, request, pathValues!, options, found);
        if (options.ChecksResponses(operation))
        {
            ResponseCheck.Check(document, operation, request, options, found);
        }

        foreach (var (where, what) in found)
        {
            server.ReportProblem(ContractViolation.Describe(request, document, operation, where, what));
        }
    }

    private static bool IsPreflight(RecordedRequest request) =>
        request.Method == "OPTIONS" && request.Header("Access-Control-Request-Method") is not null;

    // Coverage spans the test run: a server shared by a class's tests is reset before each test, and its coverage is kept.
    public void Reset()
    {
    }
}
