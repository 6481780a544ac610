using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.Xunit.Tests;

public sealed class FailingProjectRun : IAsyncLifetime
{
    public const string Project = "tests/FailingProjects/XunitFailing/XunitFailing.csproj";

    public ChildTestRun Run { get; private set; } = null!;

    public async Task InitializeAsync() => Run = await ChildTestRun.RunAsync(Project);

    public Task DisposeAsync() => Task.CompletedTask;
}
