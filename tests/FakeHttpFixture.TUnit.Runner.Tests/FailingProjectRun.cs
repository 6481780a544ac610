using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.TUnit.Runner.Tests;

public sealed class FailingProjectRun : IAsyncLifetime
{
    public const string Project = "tests/FailingProjects/TUnitFailing/TUnitFailing.csproj";

    public ChildTestRun Run { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Run = await ChildTestRun.RunAsync(Project);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
