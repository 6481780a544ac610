using FakeHttpFixture;

namespace TUnitSample;

// Every test of the session shares one server and runs in parallel with the others; each sees only the requests it caused.
[ClassDataSource<WeatherService>(Shared = SharedType.PerTestSession)]
public sealed class WeatherClientTests(WeatherService weather)
{
    [Test]
    public async Task Forecast_is_read_from_the_service()
    {
        using var http = weather.Server.CreateClient();

        var forecast = await new WeatherClient(http).GetForecastAsync("Oslo");

        await Assert.That(forecast).IsEqualTo(new Forecast("Oslo", -3.5, "Snow showers"));
        await Assert.That(weather.Server.Requests.Single().Path).IsEqualTo("/forecast/oslo.json");
    }

    [Test]
    public async Task Unknown_city_has_no_forecast()
    {
        using var http = weather.Server.CreateClient();

        await Assert.That(await new WeatherClient(http).GetForecastAsync("Atlantis")).IsNull();
    }

    [Test]
    public async Task Subscription_is_posted_as_json()
    {
        using var http = weather.Server.CreateClient();

        await new WeatherClient(http).SubscribeToAlertsAsync("Oslo", "ada@example.com");

        var post = await weather.Server.WaitForRequestAsync(r => r.Method == "POST");
        await Assert.That(post.Path).IsEqualTo("/alerts/subscriptions");
        await Assert.That(post.BodyJson<AlertSubscription>()).IsEqualTo(new AlertSubscription("Oslo", "ada@example.com"));
    }
}
