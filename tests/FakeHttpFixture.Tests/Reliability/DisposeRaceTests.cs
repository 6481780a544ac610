using System.Diagnostics;
using System.Net.Sockets;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Reliability;

/// <summary>Dispose under pressure: requests in flight, tests still waiting, several callers at once.</summary>
[Trait("Category", "Reliability")]
public sealed class DisposeRaceTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(300);

    // The hang check: the grace, the 2 s dispose gives aborted requests to run to their end, and a loaded machine's slack.
    private static readonly TimeSpan Bound = Grace + TimeSpan.FromSeconds(2) + TimeSpan.FromSeconds(6);

    [Fact]
    public async Task Dispose_with_stalled_uploads_and_downloads_in_flight_returns_within_the_grace_and_records_the_uploads_as_aborted()
    {
        var server = HttpFixtureServer.Start(new FileTree().Add("big.bin", new byte[16 * 1024 * 1024]), o => o.ShutdownTimeout = Grace);
        var sockets = new List<Socket>();
        try
        {
            for (var i = 0; i < 8; i++)
            {
                var upload = await RawHttp.ConnectAsync(server);
                sockets.Add(upload);
                await RawHttp.SendAsync(upload, $"PUT /up/{i} HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nbegun-{i}");

                // A download the client never reads: the server blocks writing into full socket buffers.
                var download = await RawHttp.ConnectAsync(server);
                download.ReceiveBufferSize = 4096;
                sockets.Add(download);
                await RawHttp.SendAsync(download, $"GET /big.bin?n={i} HTTP/1.1\r\nHost: x\r\n\r\n");
            }

            for (var i = 0; i < 8; i++)
            {
                await server.WaitForRequestAsync(r => r.Path == "/big.bin" && r.QueryString == $"?n={i}", TimeSpan.FromSeconds(10));
            }

            // Uploads join the journal when their body ends, which is dispose's abort: give the bodies time to arrive first.
            await StallingClient.StallAsync();
            var clock = Stopwatch.StartNew();
            await server.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            clock.Elapsed.ShouldBeLessThan(Bound);
            TestContext.Current.TestOutputHelper?.WriteLine($"dispose took {clock.ElapsedMilliseconds} ms with 16 requests in flight");

            var uploads = server.Requests.Where(r => r.Method == "PUT").ToList();
            uploads.Count.ShouldBe(8);
            uploads.ShouldAllBe(r => r.Aborted && r.BodyText.StartsWith("begun-", StringComparison.Ordinal));
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Pending_waiters_end_with_ObjectDisposedException_and_later_waits_are_refused()
    {
        var server = HttpFixtureServer.Start(new FileTree());
        var waiters = Enumerable.Range(0, 10)
            .Select(i => server.WaitForRequestAsync(r => r.Path == $"/never/{i}", TimeSpan.FromMinutes(5)))
            .ToList();

        await server.DisposeAsync().AsTask().WaitAsync(Bound);

        foreach (var waiter in waiters)
        {
            var ex = await Should.ThrowAsync<ObjectDisposedException>(waiter.WaitAsync(TimeSpan.FromSeconds(10)));
            ex.Message.ShouldContain("disposed");
        }

        await Should.ThrowAsync<ObjectDisposedException>(server.WaitForRequestAsync(timeout: TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Dispose_twice_and_from_eight_threads_at_once_completes_everywhere_and_releases_everything()
    {
        var server = HttpFixtureServer.Start();
        var root = server.RootDirectory!;
        using (var client = server.CreateClient())
        {
            (await client.GetAsync("missing.txt")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        }

        // A gate rather than a Barrier: eight blocked pool threads on two cores would wait for the pool to grow.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var disposals = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            await server.DisposeAsync();
        })).ToList();
        start.SetResult();
        await Task.WhenAll(disposals).WaitAsync(Bound);
        await server.DisposeAsync().AsTask().WaitAsync(Bound);

        Directory.Exists(root).ShouldBeFalse("the temp directory must be deleted once");
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await Should.ThrowAsync<SocketException>(probe.ConnectAsync("127.0.0.1", server.Port), "nothing may listen on the port after dispose");
    }

    [Fact]
    public async Task Dispose_while_clients_hammer_the_server_ends_every_client_and_leaves_a_consistent_journal()
    {
        var server = HttpFixtureServer.Start(new FileTree { ["ok.txt"] = "ok" }, o => o.ShutdownTimeout = Grace);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var answered = 0;
        var firstAnswers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var clients = Enumerable.Range(0, 16).Select(c => Task.Run(async () =>
        {
            using var client = server.CreateClient();
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    using var response = await client.PostAsync($"hammer/{c}/{i}", new StringContent($"{c}-{i}"), stop.Token);
                    if (Interlocked.Increment(ref answered) == 200)
                    {
                        firstAnswers.TrySetResult();
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
                {
                    // The server went away under the client, which is what dispose does.
                    return;
                }
            }
        })).ToList();

        await firstAnswers.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await server.DisposeAsync().AsTask().WaitAsync(Bound);
        await Task.WhenAll(clients).WaitAsync(TimeSpan.FromSeconds(30));

        var requests = server.Requests;
        requests.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, requests.Count).Select(i => (long)i));
        requests.Count.ShouldBeGreaterThanOrEqualTo(Volatile.Read(ref answered), "every answered request must be in the journal");
        requests.Select(r => r.Path).Distinct().Count().ShouldBe(requests.Count, "no request may be recorded twice");
        requests.Where(r => !r.Aborted).ShouldAllBe(r => r.BodyText == r.Path.Substring("/hammer/".Length).Replace('/', '-'));
    }
}
