using FakeHttpFixture;
using NUnit.Framework;

namespace NUnitSample;

// One fake weather service for the whole fixture, serving the files under fixtures/; it is reset before each test.
public sealed class WeatherClientTests : HttpFixtureTest
{
    private HttpFixtureServer _weatherService = null!;

    protected override HttpFixtureServer SharedServer => _weatherService;

    [OneTimeSetUp]
    public async Task StartWeatherService() =>
        _weatherService = await HttpFixtureServer.StartAsync(Path.Combine(TestContext.CurrentContext.TestDirectory, "fixtures"));

    [OneTimeTearDown]
    public async Task StopWeatherService() => await _weatherService.DisposeAsync();

    [Test]
    public async Task Forecast_is_read_from_the_service()
    {
        using var http = Server.CreateClient();

        var forecast = await new WeatherClient(http).GetForecastAsync("Oslo");

        Assert.That(forecast, Is.EqualTo(new Forecast("Oslo", -3.5, "Snow showers")));
        Assert.That(Server.Requests.Select(r => r.Path), Is.EqualTo(new[] { "/forecast/oslo.json" }));
    }

    [Test]
    public async Task Unknown_city_has_no_forecast()
    {
        using var http = Server.CreateClient();

        Assert.That(await new WeatherClient(http).GetForecastAsync("Atlantis"), Is.Null);
    }

    [Test]
    public async Task Subscription_is_posted_as_json()
    {
        using var http = Server.CreateClient();

        await new WeatherClient(http).SubscribeToAlertsAsync("Oslo", "ada@example.com");

        var post = await Server.WaitForRequestAsync(r => r.Method == "POST");
        Assert.That(post.Path, Is.EqualTo("/alerts/subscriptions"));
        Assert.That(post.BodyJson<AlertSubscription>(), Is.EqualTo(new AlertSubscription("Oslo", "ada@example.com")));
    }
}
