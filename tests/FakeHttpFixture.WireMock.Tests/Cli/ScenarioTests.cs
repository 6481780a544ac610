using System.Net;
using FakeHttpFixture.WireMock.Tests.Support;

namespace FakeHttpFixture.WireMock.Tests.Cli;

/// <summary>Scenarios: a mapping answers only in its required state, a matched mapping moves the scenario on, and a reset starts it again.</summary>
public sealed class ScenarioTests
{
    [Fact]
    public async Task Cart_scenario_moves_from_Started_to_filled_and_reset_starts_it_again()
    {
        await using var fakehttp = await FakehttpProcess.ServeAsync(AppContext.BaseDirectory, "--mappings", MappingSets.Reference, "--admin", "--port", "0", "--quiet");
        using var client = HttpCase.Client();
        client.BaseAddress = fakehttp.BaseAddress;
        var token = TestContext.Current.CancellationToken;

        var first = await client.GetStringAsync("cart", token);
        using var add = await client.PostAsync("cart", null, token);
        var second = await client.GetStringAsync("cart", token);
        using var again = await client.PostAsync("cart", null, token);
        var scenarios = await client.GetStringAsync("__admin/scenarios", token);
        using var reset = await client.PostAsync("__admin/scenarios/reset", null, token);
        var afterReset = await client.GetStringAsync("cart", token);

        first.ShouldBe("empty");
        add.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.ShouldBe("one item");
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound, "POST /cart needs the state Started");
        scenarios.ShouldContain("\"state\": \"filled\"");
        scenarios.ShouldContain("\"possibleStates\"");
        reset.StatusCode.ShouldBe(HttpStatusCode.OK);
        afterReset.ShouldBe("empty");
    }
}
