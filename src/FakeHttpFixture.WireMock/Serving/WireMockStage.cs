namespace FakeHttpFixture;

/// <summary>Answers a request with the first WireMock mapping that matches it (and whose scenario is in the required state).</summary>
internal sealed class WireMockStage(WireMockState state) : IAnsweringStage
{
    /// <summary>The stage's name in the journal (<see cref="RecordedRequest.AnsweringStage"/>).</summary>
    public const string StageName = "wiremock";

    public string Name => StageName;

    public ValueTask<bool> TryAnswerAsync(FixtureExchange exchange)
    {
        var mappings = state.Mappings;
        if (mappings.Length == 0)
        {
            return new(false);
        }

        var request = new RequestFacts(exchange.Request);
        foreach (var mapping in mappings)
        {
            if (mapping.Request.IsMatch(request) && state.TryTakeStep(mapping))
            {
                return AnswerAsync(exchange, mapping, request);
            }
        }

        return new(false);
    }

    public void Reset()
    {
        state.ResetMappings();
        state.ResetScenarios();
    }

    private async ValueTask<bool> AnswerAsync(FixtureExchange exchange, Mapping mapping, RequestFacts request)
    {
        await exchange.PlayAsync(WireMockResponses.For(mapping, request, state.FilesRoot)).ConfigureAwait(false);
        return true;
    }
}
