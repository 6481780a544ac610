using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.XunitV3.Tests;

// xunit runs test classes (collections) in parallel: three classes, one test each, hammer the one assembly-wide server at once.
public abstract class AttributionTest(HammeredSite site) : HttpFixtureTest(site)
{
    [Fact]
    public async Task Sees_exactly_its_own_requests_while_two_parallel_neighbours_hammer_the_same_server()
    {
        await AttributionExpectations.SeesExactlyItsOwnRequestsBesideParallelNeighboursAsync(Server, GetType().Name, 3);
    }

    [Fact]
    public async Task Neighbours_requests_stay_out_of_the_tests_view()
    {
        await AttributionExpectations.NeighboursRequestsStayOutOfTheTestsViewAsync(Server);
    }
}

public sealed class AttributionRed(HammeredSite site) : AttributionTest(site);

public sealed class AttributionGreen(HammeredSite site) : AttributionTest(site);

public sealed class AttributionBlue(HammeredSite site) : AttributionTest(site);
