using FakeHttpFixture;
using Xunit;

namespace XunitV3Sample;

// Each test gets its own fake weather service serving the files under fixtures/, so the tests run in parallel freely.
public sealed class WeatherClientTests : HttpFixtureTest
{
    protected override string ServedDirectory => Path.Combine(AppContext.BaseDirectory, "fixtures");

    [Fact]
    public async Task Forecast_is_read_from_the_service()
    {
        using var http = Server.CreateClient();

        var forecast = await new WeatherClient(http).GetForecastAsync("Oslo", TestContext.Current.CancellationToken);

        Assert.Equal(new Forecast("Oslo", -3.5, "Snow showers"), forecast);
        Assert.Equal("/forecast/oslo.json", Assert.Single(Server.Requests).Path);
    }

    [Fact]
    public async Task Unknown_city_has_no_forecast()
    {
        using var http = Server.CreateClient();

        Assert.Null(await new WeatherClient(http).GetForecastAsync("Atlantis", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Subscription_is_posted_as_json()
    {
        using var http = Server.CreateClient();

        await new WeatherClient(http).SubscribeToAlertsAsync("Oslo", "ada@example.com", TestContext.Current.CancellationToken);

        var post = await Server.WaitForRequestAsync(r => r.Method == "POST", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("/alerts/subscriptions", post.Path);
        Assert.Equal(new AlertSubscription("Oslo", "ada@example.com"), post.BodyJson<AlertSubscription>());
    }
}
