using System.Net;
using System.Net.Sockets;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Hosting;

public sealed class ServerStartTests
{
    [Fact]
    public async Task Start_binds_an_ephemeral_loopback_port_and_reports_it()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());

        server.Port.ShouldBeGreaterThan(0);
        server.BaseAddress.ShouldBe(new Uri($"http://127.0.0.1:{server.Port}/"));
        server.BaseAddress.AbsoluteUri.ShouldEndWith("/");
        server.Certificate.ShouldBeNull();
        server.RootDirectory.ShouldBeNull();
        server.ToString().ShouldBe(server.BaseAddress.ToString());
    }

    [Theory]
    [InlineData("a/b.txt")]
    [InlineData("/a/b.txt")]
    public async Task Url_joins_the_base_address_with_or_without_a_leading_slash(string path)
    {
        await using var server = HttpFixtureServer.Start(new FileTree());

        server.Url(path).ShouldBe(new Uri($"http://127.0.0.1:{server.Port}/a/b.txt"));
        server.Url("q?x=1").ShouldBe(new Uri($"http://127.0.0.1:{server.Port}/q?x=1"));
    }

    [Fact]
    public async Task Forty_servers_started_in_parallel_get_forty_distinct_ports()
    {
        var servers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => HttpFixtureServer.StartAsync(new FileTree { ["x.txt"] = "x" }))));
        try
        {
            servers.Select(s => s.Port).Distinct().Count().ShouldBe(40);
            using var client = new HttpClient();
            var bodies = await Task.WhenAll(servers.Select(s => client.GetStringAsync(s.Url("x.txt"))));
            bodies.ShouldAllBe(b => b == "x");
        }
        finally
        {
            await Task.WhenAll(servers.Select(s => s.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task Start_of_a_missing_directory_says_which_and_what_to_do()
    {
        var missing = Path.Combine(Path.GetTempPath(), "fakehttp-missing-" + Guid.NewGuid().ToString("N"));

        var error = Should.Throw<DirectoryNotFoundException>(() => HttpFixtureServer.Start(missing));

        error.Message.ShouldContain(missing);
        error.Message.ShouldContain("does not exist");
        await Should.ThrowAsync<DirectoryNotFoundException>(() => HttpFixtureServer.StartAsync(missing));
    }

    [Fact]
    public async Task Invalid_options_are_refused_before_the_server_starts()
    {
        var error = await Should.ThrowAsync<ArgumentException>(() => HttpFixtureServer.StartAsync(o => o.FallbackStatusCode = 42));
        error.Message.ShouldContain("FallbackStatusCode");
    }

    [Fact]
    public void Every_invalid_option_is_named_in_one_message_that_says_what_to_give()
    {
        var error = Should.Throw<ArgumentException>(() => HttpFixtureServer.Start(new FileTree(), o =>
        {
            o.Port = 70000;
            o.BodyMemoryThreshold = -1;
            o.ClientCertificates = ClientCertificatePolicy.Require;
        }));

        error.Message.ShouldStartWith("3 options are not valid:");
        error.Message.ShouldContain("Port must be from 1 to 65535, or 0 for an ephemeral port; it is 70000.");
        error.Message.ShouldContain("BodyMemoryThreshold must be zero or more bytes");
        error.Message.ShouldContain("ClientCertificates needs TLS: call options.UseHttps()");
        error.ParamName.ShouldBe("Port");
    }

    [Fact]
    public async Task A_start_on_a_port_in_use_fails_and_leaves_nothing_behind()
    {
        var occupied = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        var port = ((IPEndPoint)occupied.LocalEndpoint).Port;

        var error = await Should.ThrowAsync<IOException>(() => HttpFixtureServer.StartAsync(new FileTree(), o => o.Port = port));
        error.Message.ShouldContain(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        error.Message.ShouldContain("address already in use");
        occupied.Stop();

        // Nothing of the failed start still holds the port: a server can take it at once.
        await using var server = await HttpFixtureServer.StartAsync(new FileTree { ["a.txt"] = "a" }, o => o.Port = port);
        using var client = server.CreateClient();
        (await client.GetStringAsync("a.txt")).ShouldBe("a");
    }

    [Fact]
    public async Task Start_without_a_directory_serves_a_fresh_temp_directory_and_deletes_it_on_dispose()
    {
        var server = HttpFixtureServer.Start();
        var root = server.RootDirectory.ShouldNotBeNull();
        Directory.Exists(root).ShouldBeTrue();
        Directory.EnumerateFileSystemEntries(root).ShouldBeEmpty();

        using (var client = server.CreateClient())
        {
            (await client.GetAsync("later.txt")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            await File.WriteAllTextAsync(Path.Combine(root, "later.txt"), "written after start");
            (await client.GetStringAsync("later.txt")).ShouldBe("written after start");
        }

        await server.DisposeAsync();
        Directory.Exists(root).ShouldBeFalse();
    }

    [Fact]
    public async Task StartAsync_over_a_directory_serves_it_and_reports_its_full_path()
    {
        using var dir = new TempDirectory();
        dir.Write("hello.txt", "hello");

        await using var server = await HttpFixtureServer.StartAsync(dir.Path);
        using var client = server.CreateClient();

        server.RootDirectory.ShouldBe(Path.GetFullPath(dir.Path));
        (await client.GetStringAsync("hello.txt")).ShouldBe("hello");
        Directory.Exists(dir.Path).ShouldBeTrue();
    }

    [Fact]
    public async Task Dispose_releases_the_port()
    {
        var server = HttpFixtureServer.Start(new FileTree());
        var port = server.Port;

        await server.DisposeAsync();

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var refused = await Should.ThrowAsync<SocketException>(() => socket.ConnectAsync(IPAddress.Loopback, port));
        refused.SocketErrorCode.ShouldBe(SocketError.ConnectionRefused);
    }

    [Fact]
    public async Task Dispose_twice_and_from_several_threads_at_once_is_harmless()
    {
        var server = HttpFixtureServer.Start();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () => await server.DisposeAsync())));
        await server.DisposeAsync();

        Directory.Exists(server.RootDirectory).ShouldBeFalse();
    }

    [Fact]
    public async Task Synchronous_start_works_under_a_single_threaded_synchronization_context()
    {
        // xunit v2, NUnit and UI hosts run tests on a context like this one: a blocking Start must not deadlock there, and the
        // library must post nothing to it (ConfigureAwait(false)), since a blocked UI thread would never run what it posts.
        var context = new SingleThreadedContext();
        var seen = new TaskCompletionSource<(int Port, SynchronizationContext? After)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            SynchronizationContext.SetSynchronizationContext(context);
            try
            {
                var server = HttpFixtureServer.Start(new FileTree());
                server.DisposeAsync().AsTask().GetAwaiter().GetResult();
                seen.SetResult((server.Port, SynchronizationContext.Current));
            }
            catch (Exception ex)
            {
                seen.SetException(ex);
            }
        });
        thread.Start();

        var (port, after) = await seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        thread.Join(TimeSpan.FromSeconds(30)).ShouldBeTrue("start and dispose returned on the context's thread");
        port.ShouldBeGreaterThan(0);
        after.ShouldBeSameAs(context, "Start and DisposeAsync leave the caller's context in place");
        context.Posts.ShouldBe(0, "the library posted continuations to the caller's context");
    }

    private sealed class SingleThreadedContext : SynchronizationContext
    {
        private int _posts;

        public int Posts => Volatile.Read(ref _posts);

        // Posting nowhere models a blocked UI thread: any continuation that needs this context never runs.
        public override void Post(SendOrPostCallback d, object? state) => Interlocked.Increment(ref _posts);
    }
}
