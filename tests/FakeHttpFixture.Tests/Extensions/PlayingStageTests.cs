namespace FakeHttpFixture.Tests.Extensions;

/// <summary>FixtureExchange.PlayAsync: an added stage answers with a StubResponse, its faults recorded as a stub's are.</summary>
public sealed class PlayingStageTests
{
    [Fact]
    public async Task A_stage_plays_a_stub_response_with_its_headers_and_body()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.AddStage(new PlayingStage(StubResponse.Text("played").WithStatus(201).WithHeader("X-Played", "yes")), StagePosition.WithStubs);
        using var client = server.CreateClient();

        using var response = await client.GetAsync("anything", TestContext.Current.CancellationToken);
        var recorded = await server.WaitForCompletionAsync(server.Requests[0]);

        ((int)response.StatusCode).ShouldBe(201);
        response.Headers.GetValues("X-Played").ShouldBe(["yes"]);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("played");
        recorded.AnsweringStage.ShouldBe("playing");
    }

    [Fact]
    public async Task A_fault_a_stage_plays_breaks_the_connection_and_is_in_the_journal()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.AddStage(new PlayingStage(StubResponse.ResetConnection()), StagePosition.WithStubs);
        using var client = server.CreateClient();

        await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("broken", TestContext.Current.CancellationToken));
        var recorded = await server.WaitForCompletionAsync(server.Requests[0]);

        recorded.Fault.ShouldBe(ResponseFault.ResetConnection);
        recorded.AnsweredBy.ShouldBe(ResponseSource.Extension);
    }

    private sealed class PlayingStage(StubResponse response) : IAnsweringStage
    {
        public string Name => "playing";

        public async ValueTask<bool> TryAnswerAsync(FixtureExchange exchange)
        {
            await exchange.PlayAsync(response);
            return true;
        }
    }
}
