using FakeHttpFixture;
using Xunit;
using Xunit.Abstractions;

namespace XunitSample;

/// <summary>The fake weather service: the files under fixtures/, served once for all the tests of the class.</summary>
public sealed class WeatherService : HttpFixture
{
    protected override string ServedDirectory => Path.Combine(AppContext.BaseDirectory, "fixtures");
}

public sealed class WeatherClientTests(WeatherService service, ITestOutputHelper output)
    : HttpFixtureTest(service, output), IClassFixture<WeatherService>
{
    [Fact]
    public async Task Forecast_is_read_from_the_service()
    {
        using var http = Server.CreateClient();

        var forecast = await new WeatherClient(http).GetForecastAsync("Oslo");

        Assert.Equal(new Forecast("Oslo", -3.5, "Snow showers"), forecast);
        Assert.Equal("/forecast/oslo.json", Assert.Single(Server.Requests).Path);
    }

    [Fact]
    public async Task Unknown_city_has_no_forecast()
    {
        using var http = Server.CreateClient();

        Assert.Null(await new WeatherClient(http).GetForecastAsync("Atlantis"));
    }

    [Fact]
    public async Task Subscription_is_posted_as_json()
    {
        using var http = Server.CreateClient();

        await new WeatherClient(http).SubscribeToAlertsAsync("Oslo", "ada@example.com");

        var post = await Server.WaitForRequestAsync(r => r.Method == "POST");
        Assert.Equal("/alerts/subscriptions", post.Path);
        Assert.Equal(new AlertSubscription("Oslo", "ada@example.com"), post.BodyJson<AlertSubscription>());
    }
}
