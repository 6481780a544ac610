namespace FakeHttpFixture.Tests.Recording;

/// <summary>MaxRecordedRequests bounds the journal for load tests; numbering and waits keep working.</summary>
public sealed class JournalCapTests
{
    [Fact]
    public async Task Journal_keeps_at_most_the_cap_and_drops_the_oldest_first()
    {
        await using var server = HttpFixtureServer.Start(o => o.MaxRecordedRequests = 8);
        using var client = server.CreateClient();

        for (var i = 1; i <= 30; i++)
        {
            using var response = await client.PostAsync("n", new StringContent(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var kept = server.Requests;
        kept.Count.ShouldBeInRange(6, 8);
        kept[^1].Sequence.ShouldBe(30);
        kept[^1].BodyText.ShouldBe("30");
        kept.Select(r => r.Sequence).ShouldBe(Enumerable.Range(31 - kept.Count, kept.Count).Select(i => (long)i));
    }

    [Fact]
    public async Task Wait_for_a_request_sees_arrivals_after_older_ones_were_dropped()
    {
        await using var server = HttpFixtureServer.Start(o => o.MaxRecordedRequests = 2);
        using var client = server.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync("old");
        }

        var wait = server.WaitForRequestAsync(r => r.Path == "/new", TimeSpan.FromSeconds(30));
        using (await client.GetAsync("new"))
        {
        }

        (await wait).Sequence.ShouldBe(6);
        (await server.TakeRequestAsync(TimeSpan.FromSeconds(30))).Sequence.ShouldBeGreaterThan(4);
    }

    [Fact]
    public void Negative_cap_is_refused_with_a_message_saying_what_is_allowed()
    {
        var error = Should.Throw<ArgumentException>(() => HttpFixtureServer.Start(new FileTree(), o => o.MaxRecordedRequests = -1));

        error.Message.ShouldContain("MaxRecordedRequests must be zero");
    }
}
