using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture.Inspector.Tests.Api;

public sealed class InspectorFeedTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Feed_tells_of_a_request_as_it_arrives_and_again_when_it_completes()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.EnableInspector());
        server.Stub(HttpMethod.Get, "/held").Respond(StubResponse.Handler(async ctx =>
        {
            await release.Task;
            await ctx.Response.WriteAsync("done");
        }));
        using var inspector = new HttpClient { BaseAddress = server.InspectorAddress, Timeout = Timeout.InfiniteTimeSpan };
        using var feed = await inspector.GetAsync("api/events", HttpCompletionOption.ResponseHeadersRead, Cancel);
        feed.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        await using var stream = await feed.Content.ReadAsStreamAsync(Cancel);
        await using var events = SseParser.Create(stream).EnumerateAsync(Cancel).GetAsyncEnumerator(Cancel);

        using var client = server.CreateClient();
        var response = client.GetStringAsync("held", Cancel);
        var arrived = await NextAsync(events);
        arrived.GetProperty("target").GetString().ShouldBe("/held");
        arrived.GetProperty("completed").GetBoolean().ShouldBeFalse();
        arrived.GetProperty("stage").GetString().ShouldBe("pending");

        release.SetResult();
        (await response).ShouldBe("done");
        var completed = await NextAsync(events);
        completed.GetProperty("seq").GetInt64().ShouldBe(arrived.GetProperty("seq").GetInt64());
        completed.GetProperty("completed").GetBoolean().ShouldBeTrue();
        completed.GetProperty("status").GetInt32().ShouldBe(200);
        completed.GetProperty("stage").GetString().ShouldBe("stub");
    }

    [Fact]
    public async Task Disposing_the_server_ends_an_open_feed()
    {
        var server = HttpFixtureServer.Start(new FileTree(), o => o.EnableInspector());
        using var inspector = new HttpClient { BaseAddress = server.InspectorAddress, Timeout = Timeout.InfiniteTimeSpan };
        using var feed = await inspector.GetAsync("api/events", HttpCompletionOption.ResponseHeadersRead, Cancel);
        await using var stream = await feed.Content.ReadAsStreamAsync(Cancel);

        await server.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30), Cancel);

        // The feed ends cleanly, or the connection goes with the server: either way the reader is not left waiting.
        try
        {
            (await stream.ReadAsync(new byte[16], Cancel).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Cancel)).ShouldBe(0);
        }
        catch (IOException)
        {
        }

    }

    private static async Task<JsonElement> NextAsync(IAsyncEnumerator<SseItem<string>> events)
    {
        (await events.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30), Cancel)).ShouldBeTrue();
        events.Current.EventType.ShouldBe("request");
        using var document = JsonDocument.Parse(events.Current.Data);
        return document.RootElement.Clone();
    }
}
