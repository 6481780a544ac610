using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.NUnit.Tests;

[Parallelizable(ParallelScope.All)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ParallelServerTests : HttpFixtureTest
{
    [Test]
    public async Task Runs_at_the_same_time_as_seven_others_each_with_its_own_server(
        [Range(1, ParallelGate.Expected)] int test)
    {
        await ParallelServerExpectations.RunsAlongsideTheOthersWithAServerOfItsOwnAsync(Server, $"test {test}");
    }
}
