using System.Text.Json;

namespace FakeHttpFixture.Inspector.Tests.Support;

/// <summary>Reads the inspector's JSON API with a plain HttpClient, as any script could.</summary>
internal static class InspectorClient
{
    public static async Task<JsonElement> GetJsonAsync(HttpFixtureServer server, string path)
    {
        using var client = new HttpClient { BaseAddress = server.InspectorAddress ?? throw new InvalidOperationException("The inspector is off.") };
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.IsSuccessStatusCode.ShouldBeTrue($"GET {path} answered {(int)response.StatusCode}: {text}");
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Returns the detail of request <paramref name="sequence"/> once its exchange has completed.</summary>
    public static async Task<JsonElement> DetailAsync(HttpFixtureServer server, long sequence)
    {
        await server.WaitForCompletionAsync(server.Requests.Single(r => r.Sequence == sequence));
        return await GetJsonAsync(server, $"api/requests/{sequence}");
    }
}
