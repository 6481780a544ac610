namespace FakeHttpFixture.TUnit.Runner.Tests;

/// <summary>samples/TUnitSample, which docs/tunit.md shows, run by TUnit: its three tests passed on one shared server.</summary>
public sealed class SampleTests(SampleRun child) : IClassFixture<SampleRun>
{
    [Fact]
    public void Sample_tests_passed()
    {
        child.Run.Results.Select(r => r.TestName).ShouldBe(
            ["Forecast_is_read_from_the_service", "Unknown_city_has_no_forecast", "Subscription_is_posted_as_json"], ignoreOrder: true, child.Run.Console);
        child.Run.Results.ShouldAllBe(r => r.Outcome == "Passed", child.Run.Console);
    }
}
