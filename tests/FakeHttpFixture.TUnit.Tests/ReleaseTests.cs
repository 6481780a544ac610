namespace FakeHttpFixture.TUnit.Tests;

[ClassDataSource<HttpFixture>(Shared = SharedType.Keyed, Key = "release")]
public sealed class ReleaseTests(HttpFixture fixture)
{
    private static string? _firstTestId;

    [Test]
    public async Task Sends_three_requests_and_passes()
    {
        _firstTestId = TestContext.Current!.Id;
        using var client = fixture.Server.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync($"first/{i}")).Dispose();
        }

        fixture.Server.AllRequests.Count(r => r.TestId == _firstTestId).ShouldBe(3);
    }

    [Test]
    [DependsOn(nameof(Sends_three_requests_and_passes))]
    public async Task Passed_tests_requests_are_released_from_the_shared_journal()
    {
        using var client = fixture.Server.CreateClient();
        (await client.GetAsync("second")).Dispose();

        _firstTestId.ShouldNotBeNull();
        fixture.Server.AllRequests.ShouldNotContain(r => r.TestId == _firstTestId);
        fixture.Server.AllRequests.ShouldContain(r => r.Path == "/second");
    }
}
