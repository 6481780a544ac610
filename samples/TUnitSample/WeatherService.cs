using FakeHttpFixture;

namespace TUnitSample;

// The fake weather service: one server for the whole test session, serving the files under fixtures/.
public sealed class WeatherService : HttpFixture
{
    protected override string ServedDirectory => Path.Combine(AppContext.BaseDirectory, "fixtures");
}
