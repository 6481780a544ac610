namespace FakeHttpFixture;

/// <summary>What a server checked against OpenAPI documents (FakeHttpFixture.OpenApi).</summary>
public static class OpenApiServerExtensions
{
    /// <summary>
    /// Returns which operations of the document given to <see cref="OpenApiFixtureOptionsExtensions.ValidateAgainstOpenApi(HttpFixtureOptions, string)"/>
    /// the server's exchanges exercised so far, and which documented responses they saw; its <see cref="object.ToString"/> is a printable report.
    /// </summary>
    /// <param name="server">A server started with <c>options.ValidateAgainstOpenApi(path)</c>.</param>
    /// <returns>The coverage of the first document the server validates against.</returns>
    /// <exception cref="InvalidOperationException">The server validates against no document.</exception>
    public static OpenApiCoverage OpenApiCoverage(this HttpFixtureServer server) => AllOpenApiCoverage(server)[0];

    /// <summary>Returns the coverage of every document the server validates against, in the order they were given.</summary>
    /// <param name="server">A server started with <c>options.ValidateAgainstOpenApi(path)</c>, once or more.</param>
    /// <returns>One coverage per document.</returns>
    /// <exception cref="InvalidOperationException">The server validates against no document.</exception>
    public static IReadOnlyList<OpenApiCoverage> AllOpenApiCoverage(this HttpFixtureServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var observers = server.GetOrAddExtension(_ => new OpenApiServerState()).Observers;
        if (observers.Count == 0)
        {
            throw new InvalidOperationException("This server checks no OpenAPI document, so it has no coverage: start it with options.ValidateAgainstOpenApi(path).");
        }

        return [.. observers.Select(o => o.Coverage.Snapshot())];
    }
}
