using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Recording;

public sealed class WaitForRequestTests
{
    [Fact]
    public async Task WaitForRequestAsync_returns_an_already_recorded_request()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        await client.PostAsync("early", new StringContent("e"));

        var r = await server.WaitForRequestAsync(x => x.Path == "/early", TimeSpan.FromSeconds(10));

        r.BodyText.ShouldBe("e");
    }

    [Fact]
    public async Task WaitForRequestAsync_is_woken_by_a_later_arrival()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();

        var wait = server.WaitForRequestAsync(x => x.Method == "PUT", TimeSpan.FromSeconds(30));
        wait.IsCompleted.ShouldBeFalse();
        await client.GetAsync("not-this-one");
        await client.PutAsync("this-one", new StringContent("p"));

        (await wait).Path.ShouldBe("/this-one");
    }

    [Fact]
    public async Task WaitForRequestAsync_by_method_and_path_waits_for_that_request_and_names_it_on_timeout()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();

        var wait = server.WaitForRequestAsync(HttpMethod.Post, "/orders", TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await client.PostAsync("orders/7", new StringContent("not this"), TestContext.Current.CancellationToken);
        await client.GetAsync("orders", TestContext.Current.CancellationToken);
        wait.IsCompleted.ShouldBeFalse();
        await client.PostAsync("orders?dry=1", new StringContent("this"), TestContext.Current.CancellationToken);

        (await wait).BodyText.ShouldBe("this");
        var timeout = await Should.ThrowAsync<TimeoutException>(() => server.WaitForRequestAsync(HttpMethod.Delete, "orders", TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken));
        timeout.Message.ShouldContain("DELETE /orders");
    }

    [Fact]
    public async Task WaitForRequestAsync_returns_the_earliest_match()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        await client.PostAsync("a", new StringContent("1"));
        await client.PostAsync("a", new StringContent("2"));

        (await server.WaitForRequestAsync(x => x.Path == "/a")).BodyText.ShouldBe("1");
    }

    [Fact]
    public async Task WaitForRequestAsync_timeout_lists_what_was_received()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" });
        using var client = server.CreateClient();
        await client.GetAsync("a.txt");
        await client.PostAsync("upload", new ByteArrayContent(new byte[31]));

        var error = await Should.ThrowAsync<TimeoutException>(() => server.WaitForRequestAsync(r => r.Method == "DELETE", TimeSpan.FromMilliseconds(200)));

        error.Message.ShouldBe("""
            Expected a request matching r => r.Method == "DELETE" to have been received within 200 ms, but it was not. Received 2, nearest match first:
              #1 GET /a.txt → 200
              #2 POST /upload (31 B) → 200
            """.ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Fact]
    public async Task WaitForRequestAsync_on_an_empty_journal_says_none_arrived()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.DefaultWaitTimeout = TimeSpan.FromMilliseconds(100));

        var error = await Should.ThrowAsync<TimeoutException>(() => server.WaitForRequestAsync());

        error.Message.ShouldBe("Expected a request to have been received within 100 ms, but no requests were received at all.");
    }

    [Fact]
    public async Task WaitForRequestAsync_honours_cancellation()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var cts = new CancellationTokenSource();

        var wait = server.WaitForRequestAsync(timeout: TimeSpan.FromMinutes(1), cancellationToken: cts.Token);
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => wait);
    }

    [Fact]
    public async Task Pending_waits_end_with_a_clear_exception_when_the_server_is_disposed()
    {
        var server = HttpFixtureServer.Start(new FileTree());
        var wait = server.WaitForRequestAsync(timeout: TimeSpan.FromMinutes(1));

        await server.DisposeAsync();

        var error = await Should.ThrowAsync<ObjectDisposedException>(() => wait);
        error.Message.ShouldContain("disposed while a test was still waiting");
    }

    [Fact]
    public async Task A_predicate_that_throws_fails_the_wait_not_the_server()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();

        var wait = server.WaitForRequestAsync(_ => throw new InvalidOperationException("bad predicate"), TimeSpan.FromSeconds(30));
        (await client.GetAsync("x")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);

        (await Should.ThrowAsync<InvalidOperationException>(() => wait)).Message.ShouldBe("bad predicate");
    }

    [Fact]
    public async Task A_request_is_in_the_journal_before_its_client_sees_the_response()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["f.txt"] = "f" });
        using var client = server.CreateClient();

        for (var i = 1; i <= 200; i++)
        {
            using var response = await client.GetAsync("f.txt");
            server.Requests.Count.ShouldBe(i);
            server.Requests[^1].StatusCode.ShouldBe(200);
        }
    }
}
