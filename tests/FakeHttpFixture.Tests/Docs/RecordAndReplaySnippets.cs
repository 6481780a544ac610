using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Docs;

/// <summary>
/// The code of docs/record-and-replay.md, run as tests so the page cannot drift from the API. The "real" weather service is a
/// fixture server on loopback here, so nothing leaves the machine; the page shows its address as <c>weatherService</c>.
/// </summary>
public sealed class RecordAndReplaySnippets : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private HttpFixtureServer _service = null!;

    public async ValueTask InitializeAsync()
    {
        _service = await HttpFixtureServer.StartAsync(new FileTree());
        _service.Stub(HttpMethod.Get, "/forecast/oslo").Respond(StubResponse.Json(new Forecast("oslo", 4)));
        _service.Stub(HttpMethod.Get, "/forecast/bergen").Respond(StubResponse.Json(new Forecast("bergen", 9)));
    }

    public async ValueTask DisposeAsync()
    {
        await _service.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Record_once_then_replay_with_the_service_gone()
    {
        // The page's Har is a path in the test project's folder; here, in a temp folder whose Fixtures/ does not exist yet.
        var Har = Path.Combine(_folder.Path, "project", "Fixtures", "weather.har");
        var weatherService = _service.BaseAddress;
        try
        {
            await using var recorder = HttpFixtureServer.Start(o => o.ProxyTo(weatherService));
            var weather = new WeatherClient(recorder.CreateClient());

            var forecast = await weather.GetForecastAsync("oslo");   // the real service answers, through the fixture

            recorder.SaveHar(Har);                                   // Fixtures/weather.har in the project folder
            forecast.TemperatureC.ShouldBe(4);
        }
        finally
        {
            await _service.DisposeAsync();
        }

        await using var server = HttpFixtureServer.Start(o => o.ReplayHar(Har));
        var weather2 = new WeatherClient(server.CreateClient());

        var replayed = await weather2.GetForecastAsync("oslo");
        replayed.TemperatureC.ShouldBe(4);
        await server.DisposeAsync();
        server.Requests.ShouldHaveSingleItem().AnsweredBy.ShouldBe(ResponseSource.Replay);
    }

    [Fact]
    public async Task Replay_from_the_recording()
    {
        var Har = await RecordOsloAsync();
        await _service.DisposeAsync();

        await using var server = HttpFixtureServer.Start(o => o.ReplayHar(Har));
        var weather = new WeatherClient(server.CreateClient());

        var forecast = await weather.GetForecastAsync("oslo");   // answered from the file: no network, same bytes

        forecast.TemperatureC.ShouldBe(4);
    }

    [Fact]
    public async Task A_stub_of_the_test_beats_the_recording()
    {
        var har = await RecordOsloAsync();
        await using var server = HttpFixtureServer.Start(o => o.ReplayHar(har));
        var weather = new WeatherClient(server.CreateClient());

        server.Stub(HttpMethod.Get, "/forecast/oslo").Respond(503);   // this test's own answer wins over the file

        await Should.ThrowAsync<HttpRequestException>(() => weather.GetForecastAsync("oslo"));
    }

    [Fact]
    public async Task Refresh_a_recording_by_adding_what_it_lacks()
    {
        var har = await RecordOsloAsync();
        var weatherService = _service.BaseAddress;
        await using (var recorder = HttpFixtureServer.Start(o => o
            .ReplayHar(har)                  // what the file holds is answered from it…
            .ProxyTo(weatherService)))       // …and what it lacks goes to the service, and is recorded
        {
            var weather = new WeatherClient(recorder.CreateClient());
            await weather.GetForecastAsync("oslo");
            await weather.GetForecastAsync("bergen");
            recorder.SaveHar(har);   // both calls now
        }

        _service.Requests.Select(r => r.Path).ShouldBe(["/forecast/bergen"], "oslo came from the file");
        await using var server = HttpFixtureServer.Start(o => o.ReplayHar(har));
        (await new WeatherClient(server.CreateClient()).GetForecastAsync("bergen")).TemperatureC.ShouldBe(9);
    }

    [Fact]
    public async Task One_switch_records_every_recording_again()
    {
        var har = await RecordOsloAsync();
        var weatherService = _service.BaseAddress;
        var record = Environment.GetEnvironmentVariable("RECORD") == "1";   // RECORD=1 dotnet test
        await using var server = HttpFixtureServer.Start(o =>
        {
            if (record)
            {
                o.ProxyTo(weatherService);
            }
            else
            {
                o.ReplayHar(har);
            }
        });

        var forecast = await new WeatherClient(server.CreateClient()).GetForecastAsync("oslo");

        forecast.TemperatureC.ShouldBe(4);
        if (record)
        {
            server.SaveHar(har);
        }
    }

    [Fact]
    public async Task Redact_more_headers_than_the_default()
    {
        var weatherService = _service.BaseAddress;
        var har = Path.Combine(_folder.Path, "Fixtures/keyed.har");
        await using var recorder = HttpFixtureServer.Start(o =>
        {
            o.ProxyTo(weatherService);
            o.RedactedHeaders.Add("X-Tenant");   // credentials (Authorization, cookies, *token*, *api-key* …) are redacted already
        });
        using var client = recorder.CreateClient();
        client.DefaultRequestHeaders.Add("X-Tenant", "live-key-123");

        await new WeatherClient(client).GetForecastAsync("oslo");
        recorder.SaveHar(har);

        (await File.ReadAllTextAsync(har, TestContext.Current.CancellationToken)).ShouldNotContain("live-key-123");
        _service.Requests[^1].Header("X-Tenant").ShouldBe("live-key-123", "redaction is for the file, not for what the service receives");
    }

    [Fact]
    public async Task An_upstream_that_fails_is_a_502_that_says_how()
    {
        var weatherService = _service.BaseAddress;
        await _service.DisposeAsync();
        await using var recorder = HttpFixtureServer.Start(o => o.ProxyTo(weatherService));
        using var client = recorder.CreateClient();

        using var response = await client.GetAsync("forecast/oslo", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe($"FakeHttpFixture could not proxy GET /forecast/oslo: the upstream {weatherService} refused the connection (ConnectionRefused).\n");
        recorder.Requests[0].UpstreamFailure.ShouldBe(UpstreamFailure.ConnectionRefused);
        recorder.Requests[0].ToString().ShouldBe("#1 GET /forecast/oslo → 502 [upstream ConnectionRefused]");
    }

    private async Task<string> RecordOsloAsync()
    {
        var har = Path.Combine(_folder.Path, "Fixtures/oslo.har");
        await using var recorder = HttpFixtureServer.Start(o => o.ProxyTo(_service.BaseAddress));
        await new WeatherClient(recorder.CreateClient()).GetForecastAsync("oslo");
        recorder.SaveHar(har);
        _service.ClearRequests();
        return har;
    }

    private sealed record Forecast(string City, int TemperatureC);

    /// <summary>The code under test: a typed client of the weather service.</summary>
    private sealed class WeatherClient(HttpClient client)
    {
        public async Task<Forecast> GetForecastAsync(string city) =>
            (await client.GetFromJsonAsync<Forecast>($"forecast/{city}", JsonSerializerOptions.Web))!;
    }
}
