using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace FakeHttpFixture.Tests.Security;

/// <summary>Who can reach a server: only this machine, unless the test opts in to another address.</summary>
[Trait("Category", "Security")]
public sealed class NetworkExposureTests
{
    [Fact]
    public async Task By_default_the_server_listens_on_loopback_only()
    {
        var outside = NonLoopbackAddress();

        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" });
        server.BaseAddress.ShouldBe(new Uri($"http://127.0.0.1:{server.Port}/"));

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await Should.ThrowAsync<SocketException>(socket.ConnectAsync(outside, server.Port), $"the server must not be reachable on {outside}");
    }

    [Fact]
    public async Task BindAddress_opts_in_to_other_interfaces()
    {
        var outside = NonLoopbackAddress();

        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" }, o => o.BindAddress = IPAddress.Any);

        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        (await client.GetStringAsync($"http://{outside}:{server.Port}/a.txt")).ShouldBe("a");
        server.Requests.ShouldHaveSingleItem().Url.Host.ShouldBe(outside.ToString());
    }

    private static IPAddress NonLoopbackAddress()
    {
        var address = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        Assert.SkipWhen(address is null, "This machine has no IPv4 address besides loopback to try from.");
        return address!;
    }
}
