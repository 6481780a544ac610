using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.TUnit.Runner.Tests;

public sealed class AdapterTestsRun : IAsyncLifetime
{
    public const string Project = "tests/FakeHttpFixture.TUnit.Tests/FakeHttpFixture.TUnit.Tests.csproj";

    public ChildTestRun Run { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Run = await ChildTestRun.RunAsync(Project);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
