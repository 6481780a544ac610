using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.Xunit.Tests;

// xunit v2 runs test classes (collections) in parallel, so each of the eight tests is a class of its own: the eight empty
// classes below exist only for that, and stay beside their base class.
public abstract class ParallelServerTest(ITestOutputHelper output) : HttpFixtureTest(output)
{
    [Fact]
    public async Task Runs_at_the_same_time_as_seven_others_each_with_its_own_server()
    {
        await ParallelServerExpectations.RunsAlongsideTheOthersWithAServerOfItsOwnAsync(Server, GetType().Name);
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
