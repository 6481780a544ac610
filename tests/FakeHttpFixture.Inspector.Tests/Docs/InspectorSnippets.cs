using System.Text.Json;

namespace FakeHttpFixture.Inspector.Tests.Docs;

/// <summary>The code docs/inspector.md shows, run as tests.</summary>
public sealed class InspectorSnippets
{
    [Fact]
    public async Task Turn_it_on_at_start()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.EnableInspector());
        Console.WriteLine($"Inspector: {server.InspectorAddress}"); // http://127.0.0.1:PORT/__fakehttp/

        server.InspectorAddress.ShouldBe(new Uri(server.BaseAddress, "__fakehttp/"));
    }

    [Fact]
    public async Task Turn_it_on_for_a_running_server_and_read_the_api()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" });
        using var client = server.CreateClient();
        await client.GetStringAsync("a.txt", TestContext.Current.CancellationToken);

        var page = server.EnableInspector();
        using var browser = new HttpClient { BaseAddress = page };
        var requests = await browser.GetStringAsync("api/requests", TestContext.Current.CancellationToken);

        JsonDocument.Parse(requests).RootElement[0].GetProperty("target").GetString().ShouldBe("/a.txt");
        server.Requests.Count.ShouldBe(1); // the inspector's own requests are never recorded
    }
}
