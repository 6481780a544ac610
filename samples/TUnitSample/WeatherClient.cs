using System.Net;
using System.Net.Http.Json;

namespace TUnitSample;

/// <summary>The code under test: a small client of a weather service.</summary>
public sealed class WeatherClient(HttpClient http)
{
    /// <summary>Gets the forecast of <paramref name="city"/>, or null when the service knows no such city.</summary>
    public async Task<Forecast?> GetForecastAsync(string city, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"forecast/{Uri.EscapeDataString(city.ToLowerInvariant())}.json", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<Forecast>(cancellationToken);
    }

    /// <summary>Subscribes <paramref name="email"/> to the storm alerts of <paramref name="city"/>.</summary>
    public async Task SubscribeToAlertsAsync(string city, string email, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("alerts/subscriptions", new AlertSubscription(city, email), cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}

public sealed record Forecast(string City, double TemperatureC, string Summary);

public sealed record AlertSubscription(string City, string Email);
