using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.XunitV3.Tests;

public sealed class FailingProjectRun : IAsyncLifetime
{
    public const string Project = "tests/FailingProjects/XunitV3Failing/XunitV3Failing.csproj";

    public ChildTestRun Run { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Run = await ChildTestRun.RunAsync(Project);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
