namespace FakeHttpFixture;

/// <summary>Where an added stage (<see cref="HttpFixtureServer.AddStage"/>) is asked among the server's own stages.</summary>
public enum StagePosition
{
    /// <summary>Right after the test's own stubs and before replayed HAR entries: for stubs of another kind (gRPC, mapping files).</summary>
    WithStubs,

    /// <summary>After stubs and replayed HAR entries, before uploads, files, the proxy and the fallback: for answers made up from a description, such as an OpenAPI document.</summary>
    AfterReplay,
}
