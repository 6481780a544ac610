namespace FakeHttpFixture.TUnit.Tests;

[ClassDataSource<HttpFixture>(Shared = SharedType.Keyed, Key = "threads")]
public sealed class ThreadTests(HttpFixture fixture)
{
    [Test]
    public async Task Requests_from_other_threads_that_keep_the_execution_context_are_the_tests()
    {
        var server = fixture.Server;
        using var client = server.CreateClient();

        await Task.Run(async () => (await client.GetAsync("task-run")).Dispose());
        var thread = new Thread(() => client.GetAsync("thread").GetAwaiter().GetResult().Dispose());
        thread.Start();
        thread.Join();
        var pooled = new TaskCompletionSource();
        ThreadPool.QueueUserWorkItem(_ =>
        {
            try
            {
                client.GetAsync("thread-pool").GetAwaiter().GetResult().Dispose();
                pooled.SetResult();
            }
            catch (Exception ex)
            {
                pooled.SetException(ex);
            }
        });
        await pooled.Task;

        var requests = server.Requests;
        requests.Select(r => r.Path).ShouldBe(["/task-run", "/thread", "/thread-pool"], ignoreOrder: true);
        requests.ShouldAllBe(r => r.TestId == TestContext.Current!.Id && r.TestName == TestContext.Current!.Metadata.DisplayName);
    }

}

[ClassDataSource<HttpFixture>(Shared = SharedType.Keyed, Key = "untagged")]
public sealed class UntaggedTests(HttpFixture fixture)
{
    [Test]
    public async Task Request_sent_without_the_execution_context_is_shown_to_the_test_as_untagged()
    {
        var server = fixture.Server;
        using var client = server.CreateClient();
        var sent = new TaskCompletionSource();

        // UnsafeQueueUserWorkItem does not carry the execution context, so the request carries no trace of the test (at most one of
        // its own, when a listener makes HttpClient start one): no test can be named.
        ThreadPool.UnsafeQueueUserWorkItem(
            _ =>
            {
                try
                {
                    client.GetAsync("untagged").GetAwaiter().GetResult().Dispose();
                    sent.SetResult();
                }
                catch (Exception ex)
                {
                    sent.SetException(ex);
                }
            },
            null);
        await sent.Task;

        var untagged = (await server.WaitForRequestAsync(r => r.Path == "/untagged")).ShouldNotBeNull();
        untagged.TestId.ShouldBeNull();
        server.JournalSummary().ShouldContain("GET /untagged → 404  [no test");
    }
}
