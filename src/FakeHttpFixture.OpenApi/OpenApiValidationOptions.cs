namespace FakeHttpFixture;

/// <summary>
/// How strictly <see cref="OpenApiFixtureOptionsExtensions.ValidateAgainstOpenApi(HttpFixtureOptions, string, Action{OpenApiValidationOptions})"/>
/// checks exchanges against the document. The defaults check everything the document says and nothing more.
/// </summary>
public sealed class OpenApiValidationOptions
{
    private readonly HashSet<string> _skippedResponses = new(StringComparer.Ordinal);

    /// <summary>Gets or sets a value indicating whether query parameters the operation does not document are let through.</summary>
    /// <value>The default value is <see langword="false"/>: an undocumented query parameter is a violation.</value>
    public bool IgnoreUnknownQueryParameters { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether a JSON body's top-level object may carry only the properties its schema (with its
    /// <c>allOf</c>, <c>oneOf</c> and <c>anyOf</c> branches) names, as if the schema said <c>unevaluatedProperties: false</c>. It catches
    /// a stub that answers fields the service never sends. Nested objects follow their own <c>additionalProperties</c>.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: properties the schema does not name are allowed unless it says otherwise, as JSON Schema has it.</value>
    public bool ForbidUndocumentedProperties { get; set; }

    /// <summary>Gets the documented paths (such as "/pets/{petId}") whose responses are not checked; their requests still are.</summary>
    public IReadOnlyCollection<string> SkippedResponsePaths => _skippedResponses;

    /// <summary>Leaves the responses of every operation on a documented path unchecked, such as a path the test answers with a deliberate error.</summary>
    /// <param name="pathTemplate">The path as the document writes it, such as "/pets/{petId}".</param>
    /// <returns>These options, for chaining.</returns>
    public OpenApiValidationOptions SkipResponseChecks(string pathTemplate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathTemplate);
        _skippedResponses.Add(pathTemplate);
        return this;
    }

    internal bool ChecksResponses(ContractOperation operation) => !_skippedResponses.Contains(operation.Path.Text);
}
