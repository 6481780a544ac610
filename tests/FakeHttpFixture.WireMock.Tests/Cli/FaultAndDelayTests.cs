using FakeHttpFixture.WireMock.Tests.Support;

namespace FakeHttpFixture.WireMock.Tests.Cli;

/// <summary>WireMock's faults break the exchange with the server's own faults; delays and dribbling still deliver the whole body.</summary>
public sealed class FaultAndDelayTests
{
    private const string Mappings = """
        { "mappings": [
          { "request": { "url": "/reset" }, "response": { "fault": "CONNECTION_RESET_BY_PEER" } },
          { "request": { "url": "/empty" }, "response": { "fault": "EMPTY_RESPONSE" } },
          { "request": { "url": "/random" }, "response": { "fault": "RANDOM_DATA_THEN_CLOSE" } },
          { "request": { "url": "/chunk" }, "response": { "fault": "MALFORMED_RESPONSE_CHUNK" } },
          { "request": { "url": "/delayed" }, "response": { "status": 200, "body": "late", "fixedDelayMilliseconds": 50 } },
          { "request": { "url": "/uniform" }, "response": { "status": 200, "body": "random wait", "delayDistribution": { "type": "uniform", "lower": 1, "upper": 20 } } },
          { "request": { "url": "/lognormal" }, "response": { "status": 200, "body": "long tail", "delayDistribution": { "type": "lognormal", "median": 5, "sigma": 0.1 } } },
          { "request": { "url": "/dribble" }, "response": { "status": 200, "body": "0123456789", "chunkedDribbleDelay": { "numberOfChunks": 5, "totalDuration": 100 } } }
        ] }
        """;

    [Theory]
    [InlineData("reset")]
    [InlineData("empty")]
    [InlineData("random")]
    [InlineData("chunk")]
    public async Task Fault_breaks_the_exchange_so_the_client_gets_no_whole_response(string path)
    {
        using var dir = new TempDirectory();
        dir.Write("wm/mappings/faults.json", Mappings);
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "--mappings", "wm", "--port", "0");
        using var client = HttpCase.Client();

        var failure = await Should.ThrowAsync<HttpRequestException>(() => client.GetStringAsync(new Uri(fakehttp.BaseAddress!, path), TestContext.Current.CancellationToken));
        var line = await fakehttp.WaitForLineAsync($"/{path}");

        failure.ShouldNotBeNull();
        line.ShouldNotContain("[nothing answered]");
    }

    [Theory]
    [InlineData("delayed", "late")]
    [InlineData("uniform", "random wait")]
    [InlineData("lognormal", "long tail")]
    [InlineData("dribble", "0123456789")]
    public async Task Delayed_response_still_arrives_whole(string path, string body)
    {
        using var dir = new TempDirectory();
        dir.Write("wm/mappings/faults.json", Mappings);
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "--mappings", "wm", "--port", "0", "--quiet");
        using var client = HttpCase.Client();

        var answer = await client.GetStringAsync(new Uri(fakehttp.BaseAddress!, path), TestContext.Current.CancellationToken);

        answer.ShouldBe(body);
    }
}
