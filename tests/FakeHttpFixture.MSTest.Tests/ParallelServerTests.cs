using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.MSTest.Tests;

[TestClass]
public sealed class ParallelServerTests : HttpFixtureTest
{
    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    [DataRow(3)]
    [DataRow(4)]
    [DataRow(5)]
    [DataRow(6)]
    [DataRow(7)]
    [DataRow(8)]
    public async Task Runs_at_the_same_time_as_seven_others_each_with_its_own_server(int test)
    {
        await ParallelServerExpectations.RunsAlongsideTheOthersWithAServerOfItsOwnAsync(Server, $"test {test}");
    }
}
