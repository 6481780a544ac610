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
        var ports = await ParallelGate.ArriveAsync($"test {test}", Server.Port);

        ports.Distinct().Count().ShouldBe(ParallelGate.Expected);
        using var client = Server.CreateClient();
        await client.PostAsync("from", new StringContent($"test {test}"));
        Server.Requests.ShouldHaveSingleItem().BodyText.ShouldBe($"test {test}");
    }
}
