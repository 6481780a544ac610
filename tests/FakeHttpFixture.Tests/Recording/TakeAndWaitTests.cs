namespace FakeHttpFixture.Tests.Recording;

public sealed class TakeAndWaitTests
{
    [Fact]
    public async Task TakeRequestAsync_returns_each_request_once_in_arrival_order()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        await client.PostAsync("1", null);
        await client.PostAsync("2", null);

        (await server.TakeRequestAsync()).Path.ShouldBe("/1");
        (await server.TakeRequestAsync()).Path.ShouldBe("/2");
        var third = server.TakeRequestAsync(TimeSpan.FromSeconds(30));
        var fourth = server.TakeRequestAsync(TimeSpan.FromSeconds(30));
        third.IsCompleted.ShouldBeFalse();
        await client.PostAsync("3", null);
        await client.PostAsync("4", null);
        (await third).Path.ShouldBe("/3");
        (await fourth).Path.ShouldBe("/4");
    }

    [Fact]
    public async Task TakeRequestAsync_is_independent_of_WaitForRequestAsync()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        await client.GetAsync("a");
        await client.GetAsync("b");

        (await server.WaitForRequestAsync(r => r.Path == "/b")).Sequence.ShouldBe(2);
        (await server.TakeRequestAsync()).Path.ShouldBe("/a");
    }

    [Fact]
    public async Task Concurrent_takers_get_distinct_requests_in_order()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        var takes = Enumerable.Range(0, 20).Select(_ => server.TakeRequestAsync(TimeSpan.FromSeconds(30))).ToArray();

        for (var i = 0; i < 20; i++)
        {
            await client.PostAsync($"r{i}", null);
        }

        var taken = await Task.WhenAll(takes);
        taken.Select(r => r.Path).ShouldBe(Enumerable.Range(0, 20).Select(i => $"/r{i}"));
    }

    [Fact]
    public async Task A_cancelled_take_does_not_swallow_the_next_request()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        using var cts = new CancellationTokenSource();
        var cancelled = server.TakeRequestAsync(TimeSpan.FromSeconds(30), cts.Token);
        await cts.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => cancelled);

        await client.PostAsync("kept", null);

        (await server.TakeRequestAsync()).Path.ShouldBe("/kept");
    }

    [Fact]
    public async Task TakeRequestAsync_timeout_says_everything_was_taken()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.DefaultWaitTimeout = TimeSpan.FromMilliseconds(100));
        using var client = server.CreateClient();
        await client.GetAsync("only");
        await server.TakeRequestAsync();

        var error = await Should.ThrowAsync<TimeoutException>(() => server.TakeRequestAsync());

        error.Message.ShouldBe("Expected a request not yet taken to have been received within 100 ms, but it was not. Received 1, all taken already:\n  #1 GET /only → 404");
    }

    [Fact]
    public async Task Pending_take_ends_with_a_clear_exception_when_the_server_is_disposed()
    {
        var server = HttpFixtureServer.Start(new FileTree());
        var take = server.TakeRequestAsync(TimeSpan.FromMinutes(1));

        await server.DisposeAsync();

        (await Should.ThrowAsync<ObjectDisposedException>(() => take)).Message.ShouldContain("disposed while a test was still waiting");
    }

    [Fact]
    public async Task WaitForRequestsAsync_returns_the_first_matches_already_recorded_and_yet_to_come()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        await client.PostAsync("retry", new StringContent("1"));
        await client.GetAsync("other");

        var wait = server.WaitForRequestsAsync(3, r => r.Path == "/retry", TimeSpan.FromSeconds(30));
        wait.IsCompleted.ShouldBeFalse();
        await client.PostAsync("retry", new StringContent("2"));
        await client.PostAsync("retry", new StringContent("3"));
        await client.PostAsync("retry", new StringContent("4"));

        (await wait).Select(r => r.BodyText).ShouldBe(["1", "2", "3"]);
    }

    [Fact]
    public async Task WaitForRequestsAsync_timeout_says_how_many_matched()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        await client.PostAsync("retry", new StringContent("1"));

        var error = await Should.ThrowAsync<TimeoutException>(() => server.WaitForRequestsAsync(2, r => r.Path == "/retry", TimeSpan.FromMilliseconds(100)));

        error.Message.ShouldBe("Expected a request matching r => r.Path == \"/retry\" to have been received 2 times within 100 ms, but it was received once. Received 1, nearest match first:\n  #1 POST /retry (1 B) → 200  (matches)");
    }

    [Fact]
    public async Task A_wait_after_dispose_still_finds_what_arrived()
    {
        var server = HttpFixtureServer.Start(new FileTree());
        using (var client = server.CreateClient())
        {
            await client.GetAsync("before");
        }

        await server.DisposeAsync();

        (await server.WaitForRequestAsync(r => r.Path == "/before")).Sequence.ShouldBe(1);
        (await Should.ThrowAsync<ObjectDisposedException>(() => server.WaitForRequestAsync(r => r.Path == "/never"))).Message.ShouldContain("has been disposed");
    }
}
