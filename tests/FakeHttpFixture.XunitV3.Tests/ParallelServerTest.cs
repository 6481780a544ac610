using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.XunitV3.Tests;

// xunit runs test classes (collections) in parallel, so each of the eight tests is a class of its own: the eight empty
// classes below exist only for that, and stay beside their base class.
public abstract class ParallelServerTest : HttpFixtureTest
{
    [Fact]
    public async Task Runs_at_the_same_time_as_seven_others_each_with_its_own_server()
    {
        await ParallelServerExpectations.RunsAlongsideTheOthersWithAServerOfItsOwnAsync(Server, GetType().Name);
    }
}

public sealed class Parallel1 : ParallelServerTest;

public sealed class Parallel2 : ParallelServerTest;

public sealed class Parallel3 : ParallelServerTest;

public sealed class Parallel4 : ParallelServerTest;

public sealed class Parallel5 : ParallelServerTest;

public sealed class Parallel6 : ParallelServerTest;

public sealed class Parallel7 : ParallelServerTest;

public sealed class Parallel8 : ParallelServerTest;
