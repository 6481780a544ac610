using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.OpenApi.Tests.Adapters;

/// <summary>Runs tests/FailingProjects/XunitV3OpenApiFailing once, as a child <c>dotnet test</c>, for the tests that read its results.</summary>
public sealed class XunitV3ContractRun : IAsyncLifetime
{
    public ChildTestRun Run { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Run = await ChildTestRun.RunAsync("tests/FailingProjects/XunitV3OpenApiFailing/XunitV3OpenApiFailing.csproj");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
