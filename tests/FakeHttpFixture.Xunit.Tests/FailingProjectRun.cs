using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.Xunit.Tests;

public sealed class FailingProjectRun : IAsyncLifetime
{
    public ChildTestRun Run { get; private set; } = null!;

    public async Task InitializeAsync() => Run = await ChildTestRun.RunAsync("tests/FailingProjects/XunitFailing/XunitFailing.csproj");

    public Task DisposeAsync() => Task.CompletedTask;
}
