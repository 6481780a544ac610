using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Hosting;

public sealed class DisposeTests
{
    [Fact]
    public async Task Dispose_returns_promptly_while_a_client_stalls_mid_upload_and_records_it_as_aborted()
    {
        var server = HttpFixtureServer.Start(new FileTree(), o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(200));
        using var socket = await RawHttp.ConnectAsync(server);
        await RawHttp.SendAsync(socket, "POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n0123456789");

        // The client stalls mid-upload; dispose comes while the server is waiting for the rest.
        await StallingClient.StallAsync();

        // The bound is a hang check, not a timing: dispose waits 200 ms of grace, then aborts.
        await server.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        var r = server.Requests.ShouldHaveSingleItem();
        r.Aborted.ShouldBeTrue();
        r.BodyText.ShouldBe("0123456789");
    }

    [Fact]
    public async Task A_client_that_disconnects_mid_upload_does_not_stop_the_server()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["ok.txt"] = "ok" });
        using (var socket = await RawHttp.ConnectAsync(server))
        {
            await RawHttp.SendAsync(socket, "PUT /partial HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nhalf");

            // The client stalls before it vanishes, as a crashing uploader does; what it sent by then must be kept.
            await StallingClient.StallAsync();
        }

        var aborted = await server.WaitForRequestAsync(r => r.Path == "/partial", TimeSpan.FromSeconds(10));
        aborted.Aborted.ShouldBeTrue();
        aborted.BodyText.ShouldBe("half");
        using var client = server.CreateClient();
        (await client.GetStringAsync("ok.txt")).ShouldBe("ok");
    }
}
