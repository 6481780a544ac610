using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.Xunit.Tests;

// xunit v2 runs test classes (collections) in parallel, so each of the eight tests is a class of its own.
public abstract class ParallelServerTest(ITestOutputHelper output) : HttpFixtureTest(output)
{
    [Fact]
    public async Task Runs_at_the_same_time_as_seven_others_each_with_its_own_server()
    {
        var ports = await ParallelGate.ArriveAsync(GetType().Name, Server.Port);

        ports.Distinct().Count().ShouldBe(ParallelGate.Expected);
        using var client = Server.CreateClient();
        await client.PostAsync("from", new StringContent(GetType().Name));
        Server.Requests.ShouldHaveSingleItem().BodyText.ShouldBe(GetType().Name);
    }
}

public sealed class Parallel1(ITestOutputHelper output) : ParallelServerTest(output);

public sealed class Parallel2(ITestOutputHelper output) : ParallelServerTest(output);

public sealed class Parallel3(ITestOutputHelper output) : ParallelServerTest(output);

public sealed class Parallel4(ITestOutputHelper output) : ParallelServerTest(output);

public sealed class Parallel5(ITestOutputHelper output) : ParallelServerTest(output);

public sealed class Parallel6(ITestOutputHelper output) : ParallelServerTest(output);

public sealed class Parallel7(ITestOutputHelper output) : ParallelServerTest(output);

public sealed class Parallel8(ITestOutputHelper output) : ParallelServerTest(output);
