namespace FakeHttpFixture.Tests.Recording;

/// <summary>
/// Failed waits, takes and assertions speak one form: what was expected, named by the predicate's source text, then what
/// arrived, nearest match first when the predicate names a path or a method.
/// </summary>
public sealed class WaitFailureMessageTests
{
    [Fact]
    public async Task WaitForRequestAsync_names_its_predicate_and_lists_what_arrived_nearest_first()
    {
        await using var server = await ServerWithAsync("GET a.txt", "POST payment", "GET payments/7");

        var error = await Should.ThrowAsync<TimeoutException>(() => server.WaitForRequestAsync(r => r.Path == "/payments", TimeSpan.FromMilliseconds(100)));

        error.Message.ShouldBe("""
            Expected a request matching r => r.Path == "/payments" to have been received within 100 ms, but it was not. Received 3, nearest match first:
              #2 POST /payment → 200
              #3 GET /payments/7 → 404
              #1 GET /a.txt → 404
            """.ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Fact]
    public async Task WaitForRequestAsync_ranks_by_the_method_its_predicate_names()
    {
        await using var server = await ServerWithAsync("GET a", "DELETE orders/1", "PUT orders/1");

        var error = await Should.ThrowAsync<TimeoutException>(() => server.WaitForRequestAsync(r => r.Method == "DELETE" && r.Path == "/orders/2", TimeSpan.FromMilliseconds(100)));

        error.Message.ShouldEndWith("""
            Received 3, nearest match first:
              #2 DELETE /orders/1 → 200
              #3 PUT /orders/1 → 200
              #1 GET /a → 404
            """.ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Fact]
    public async Task A_predicate_that_names_no_path_or_method_lists_in_arrival_order()
    {
        await using var server = await ServerWithAsync("GET b", "GET a");
        Func<RecordedRequest, bool> signed = r => r.Header("X-Signature") is not null;

        var error = await Should.ThrowAsync<TimeoutException>(() => server.WaitForRequestAsync(signed, TimeSpan.FromMilliseconds(100)));

        error.Message.ShouldBe("""
            Expected a request matching signed to have been received within 100 ms, but it was not. Received 2, in arrival order:
              #1 GET /b → 404
              #2 GET /a → 404
            """.ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Fact]
    public async Task WaitForRequestsAsync_says_how_many_arrived_and_lists_the_matches_first()
    {
        await using var server = await ServerWithAsync("GET health", "POST retry", "POST retri");

        var error = await Should.ThrowAsync<TimeoutException>(() => server.WaitForRequestsAsync(3, r => r.Path == "/retry", TimeSpan.FromMilliseconds(100)));

        error.Message.ShouldBe("""
            Expected a request matching r => r.Path == "/retry" to have been received 3 times within 100 ms, but it was received once. Received 3, nearest match first:
              #2 POST /retry → 200  (matches)
              #3 POST /retri → 200
              #1 GET /health → 404
            """.ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Fact]
    public async Task Waits_without_a_predicate_and_takes_use_the_same_form()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.DefaultWaitTimeout = TimeSpan.FromMilliseconds(100));

        var wait = await Should.ThrowAsync<TimeoutException>(() => server.WaitForRequestAsync());
        var waits = await Should.ThrowAsync<TimeoutException>(() => server.WaitForRequestsAsync(2));
        var take = await Should.ThrowAsync<TimeoutException>(() => server.TakeRequestAsync());
        using (var client = server.CreateClient())
        {
            using (await client.GetAsync("only", TestContext.Current.CancellationToken)) { }
        }

        await server.TakeRequestAsync();
        var takeAfter = await Should.ThrowAsync<TimeoutException>(() => server.TakeRequestAsync());

        wait.Message.ShouldBe("Expected a request to have been received within 100 ms, but no requests were received at all.");
        waits.Message.ShouldBe("Expected a request to have been received 2 times within 100 ms, but no requests were received at all.");
        take.Message.ShouldBe("Expected a request not yet taken to have been received within 100 ms, but no requests were received at all.");
        takeAfter.Message.ShouldBe("Expected a request not yet taken to have been received within 100 ms, but it was not. Received 1, all taken already:\n  #1 GET /only → 404");
    }

    [Fact]
    public async Task ShouldHaveReceived_with_a_predicate_ranks_as_the_waits_do()
    {
        await using var server = await ServerWithAsync("GET a.txt", "POST payment");

        var assertion = Should.Throw<HttpFixtureAssertionException>(() => server.ShouldHaveReceived(r => r.Path == "/payments"));
        var wait = await Should.ThrowAsync<TimeoutException>(() => server.WaitForRequestAsync(r => r.Path == "/payments", TimeSpan.FromMilliseconds(100)));

        const string Listing = """
             Received 2, nearest match first:
              #2 POST /payment → 200
              #1 GET /a.txt → 404
            """;
        assertion.Message.ShouldBe("Expected a request matching r => r.Path == \"/payments\" to have been received, but it was not." + Listing.ReplaceLineEndings("\n").TrimEnd('\n'));
        wait.Message.ShouldBe("Expected a request matching r => r.Path == \"/payments\" to have been received within 100 ms, but it was not." + Listing.ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    private static async Task<HttpFixtureServer> ServerWithAsync(params string[] requests)
    {
        var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        foreach (var line in requests)
        {
            var (method, path) = (line[..line.IndexOf(' ', StringComparison.Ordinal)], line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), TestContext.Current.CancellationToken);
        }

        return server;
    }
}
