using FakeHttpFixture;
using Microsoft.VisualStudio.TestTools.UnitTesting;

[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]

namespace MSTestSample;

// Each test gets its own fake weather service serving the files under fixtures/, so the tests run in parallel freely.
[TestClass]
public sealed class WeatherClientTests : HttpFixtureTest
{
    protected override string ServedDirectory => Path.Combine(AppContext.BaseDirectory, "fixtures");

    [TestMethod]
    public async Task Forecast_is_read_from_the_service()
    {
        using var http = Server.CreateClient();

        var forecast = await new WeatherClient(http).GetForecastAsync("Oslo", TestContext.CancellationToken);

        Assert.AreEqual(new Forecast("Oslo", -3.5, "Snow showers"), forecast);
        Assert.AreEqual("/forecast/oslo.json", Server.Requests.Single().Path);
    }

    [TestMethod]
    public async Task Unknown_city_has_no_forecast()
    {
        using var http = Server.CreateClient();

        Assert.IsNull(await new WeatherClient(http).GetForecastAsync("Atlantis", TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task Subscription_is_posted_as_json()
    {
        using var http = Server.CreateClient();

        await new WeatherClient(http).SubscribeToAlertsAsync("Oslo", "ada@example.com", TestContext.CancellationToken);

        var post = await Server.WaitForRequestAsync(r => r.Method == "POST", cancellationToken: TestContext.CancellationToken);
        Assert.AreEqual("/alerts/subscriptions", post.Path);
        Assert.AreEqual(new AlertSubscription("Oslo", "ada@example.com"), post.BodyJson<AlertSubscription>());
    }
}
