using System.Text.Json.Nodes;

namespace FakeHttpFixture;

/// <summary>One WireMock stub mapping: its request pattern, response, priority and scenario step, and its JSON as the admin API gives it back.</summary>
internal sealed class Mapping
{
    /// <summary>WireMock's default priority: lower numbers win.</summary>
    public const int DefaultPriority = 5;

    public Guid Id { get; init; }

    public string? Name { get; init; }

    public int Priority { get; init; } = DefaultPriority;

    public RequestPattern Request { get; init; } = new();

    public ResponseDefinition Response { get; init; } = new();

    public string? ScenarioName { get; init; }

    public string? RequiredScenarioState { get; init; }

    public string? NewScenarioState { get; init; }

    /// <summary>Gets where the mapping came from, for messages: a file's path, or "the admin API".</summary>
    public string Source { get; init; } = "the admin API";

    /// <summary>Gets or sets the order it was added in; among equal priorities the newest wins, as in WireMock.</summary>
    public long InsertionIndex { get; set; }

    /// <summary>Gets the mapping's JSON with its id, as GET /__admin/mappings returns it.</summary>
    public JsonObject Json { get; init; } = [];

    /// <summary>Gets or sets the response prepared once, for a response that is neither templated nor read from a file.</summary>
    public StubResponse? Prepared { get; set; }
}
