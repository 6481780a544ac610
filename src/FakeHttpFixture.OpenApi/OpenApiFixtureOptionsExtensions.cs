namespace FakeHttpFixture;

/// <summary>Contracts for a server: check its exchanges against an OpenAPI document, and answer from the document (FakeHttpFixture.OpenApi).</summary>
public static class OpenApiFixtureOptionsExtensions
{
    /// <summary>
    /// Checks every exchange of the server against the OpenAPI document at <paramref name="path"/> (3.0 or 3.1, YAML or JSON): the
    /// request (a documented operation for its method and path; path, query, header and cookie parameters by their schemas and
    /// <c>required</c>; the body by its media type and schema) and the response (a documented status, range or <c>default</c>;
    /// required headers; content type; body schema). Stubbed, replayed, proxied, file and fallback answers are all checked.
    /// Violations change nothing the client gets: each one fails <see cref="HttpFixtureServer.Verify"/>, naming the exchange, the
    /// operation, request or response, the JSON pointer, what the schema wants and what came. It turns on
    /// <see cref="HttpFixtureOptions.RecordResponseBodies"/>, since response bodies are checked from the journal.
    /// </summary>
    /// <param name="options">The server's options.</param>
    /// <param name="path">The document's file; read once per process (again when it changes), its schemas built once each.</param>
    /// <returns>The options, for chaining.</returns>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidOperationException">The document is broken; the message names the file and each place.</exception>
    public static HttpFixtureOptions ValidateAgainstOpenApi(this HttpFixtureOptions options, string path) =>
        ValidateAgainstOpenApi(options, path, _ => { });

    /// <summary>
    /// Checks every exchange of the server against the OpenAPI document at <paramref name="path"/>, as
    /// <see cref="ValidateAgainstOpenApi(HttpFixtureOptions, string)"/> does, with checks relaxed by <paramref name="configure"/>.
    /// </summary>
    /// <param name="options">The server's options.</param>
    /// <param name="path">The document's file.</param>
    /// <param name="configure">Relaxes the checks, such as <c>c => c.IgnoreUnknownQueryParameters = true</c>.</param>
    /// <returns>The options, for chaining.</returns>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidOperationException">The document is broken; the message names the file and each place.</exception>
    public static HttpFixtureOptions ValidateAgainstOpenApi(this HttpFixtureOptions options, string path, Action<OpenApiValidationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configure);
        var document = ContractDocument.Load(path);
        var validation = new OpenApiValidationOptions();
        configure(validation);
        options.RecordResponseBodies = true;
        return options.OnServerStarted(server =>
        {
            var observer = new ContractObserver(document, validation);
            server.GetOrAddExtension(_ => new OpenApiServerState()).Add(observer);
            server.AddObserver(observer);
        });
    }

    /// <summary>
    /// Answers requests that match an operation of the OpenAPI document at <paramref name="path"/> and that no stub or replayed HAR
    /// entry answered: with the operation's first 2xx response, its media type's <c>example</c> (or the first of its <c>examples</c>),
    /// else a body generated from its schema that validates against it (required properties, types, formats, enums and bounds, the
    /// same on every run). Requests the document does not describe go on to files, the proxy and the fallback as before.
    /// </summary>
    /// <param name="options">The server's options.</param>
    /// <param name="path">The document's file; read once per process (again when it changes).</param>
    /// <returns>The options, for chaining.</returns>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidOperationException">The document is broken; the message names the file and each place.</exception>
    public static HttpFixtureOptions AnswerFromOpenApi(this HttpFixtureOptions options, string path)
    {
        ArgumentNullException.ThrowIfNull(options);
        var document = ContractDocument.Load(path);
        return options.OnServerStarted(server => server.AddStage(new OpenApiAnswerStage(document), StagePosition.AfterReplay));
    }
}
