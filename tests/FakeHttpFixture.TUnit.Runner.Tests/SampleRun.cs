using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.TUnit.Runner.Tests;

public sealed class SampleRun : IAsyncLifetime
{
    public const string Project = "samples/TUnitSample/TUnitSample.csproj";

    public ChildTestRun Run { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Run = await ChildTestRun.RunAsync(Project);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
