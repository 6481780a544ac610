namespace FakeHttpFixture.Tests.Recording;

public sealed class JournalConcurrencyTests
{
    [Fact]
    public async Task Ten_thousand_requests_from_64_concurrent_clients_are_each_recorded_once()
    {
        const int clients = 64;
        const int each = 10_000 / clients + 1;
        await using var server = HttpFixtureServer.Start(new FileTree { ["f.txt"] = "file" });
        var waitAll = server.WaitForRequestsAsync(clients * each, timeout: TimeSpan.FromMinutes(2));

        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            using var client = server.CreateClient();
            for (var i = 0; i < each; i++)
            {
                using var response = i % 2 == 0
                    ? await client.PostAsync($"c{c}", new StringContent($"{c}:{i}"))
                    : await client.GetAsync($"f.txt?c={c}&i={i}");
                response.EnsureSuccessStatusCode();
            }
        })));

        var requests = server.Requests;
        requests.Count.ShouldBe(clients * each);
        (await waitAll).Count.ShouldBe(clients * each);
        requests.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, clients * each).Select(i => (long)i));
        var keys = requests.Select(r => r.Method == "POST" ? r.BodyText : r.QueryString).ToHashSet();
        keys.Count.ShouldBe(clients * each);
        requests.ShouldAllBe(r => r.StatusCode == 200);
        requests.Where(r => r.Method == "GET").ShouldAllBe(r => r.ResponseBodyLength == 4);
    }
}
