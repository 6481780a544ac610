using System.Net;
using System.Net.Sockets;
using FakeHttpFixture.Cli.Tests.Support;

namespace FakeHttpFixture.Cli.Tests.Errors;

/// <summary>What stops fakehttp from serving ends it with a non-zero exit code and one clear line on stderr, never a stack trace.</summary>
public sealed class StartupErrorTests
{
    [Fact]
    public async Task Port_in_use_exits_1_with_one_line_naming_the_port_and_leaves_no_empty_recording()
    {
        using var dir = new TempDirectory();
        var occupier = new TcpListener(IPAddress.Loopback, 0);
        occupier.Start();
        try
        {
            var port = ((IPEndPoint)occupier.LocalEndpoint).Port;
            await using var fakehttp = FakehttpProcess.Start(dir.Path, null, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--record", "rec");

            (await fakehttp.WaitForExitAsync()).ShouldBe(1);

            fakehttp.Error.ShouldBe($"fakehttp: port {port} is already in use on 127.0.0.1. Choose another with --port, or --port 0 for a free one.\n");
            fakehttp.Output.ShouldBeEmpty();
            Directory.Exists(dir["rec"]).ShouldBeFalse("a retry on another port must be able to record into the same directory");
        }
        finally
        {
            occupier.Stop();
        }
    }

    [Fact]
    public async Task Missing_directory_exits_1_with_one_line_naming_it()
    {
        using var dir = new TempDirectory();
        await using var fakehttp = FakehttpProcess.Start(dir.Path, null, "no-such-dir", "--port", "0");

        (await fakehttp.WaitForExitAsync()).ShouldBe(1);

        fakehttp.Error.ShouldBe($"fakehttp: cannot serve '{dir["no-such-dir"]}': the directory does not exist. Check the path, or create it first.\n");
        fakehttp.Output.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("--port", "eighty")]
    [InlineData("--port", "70000")]
    [InlineData("--bind", "somewhere")]
    [InlineData("--no-such-option")]
    [InlineData(".", "extra")]
    public async Task Bad_command_line_exits_2_with_one_line_and_no_stack_trace(params string[] arguments)
    {
        using var dir = new TempDirectory();
        await using var fakehttp = FakehttpProcess.Start(dir.Path, null, arguments);

        (await fakehttp.WaitForExitAsync()).ShouldBe(2);

        var lines = fakehttp.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, fakehttp.Error);
        lines[0].ShouldStartWith("fakehttp: ");
        lines[0].ShouldContain(arguments[^1]);
        lines[0].ShouldEndWith("Run 'fakehttp --help' for the options.");
        fakehttp.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task Binding_beyond_loopback_warns_on_stderr_and_still_serves()
    {
        using var dir = new TempDirectory();
        dir.Write("shared.txt", "everyone can see this");
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "--port", "0", "--bind", "0.0.0.0");

        var (exit, body, error) = await ExternalProcess.RunAsync("curl", "-sS", "--fail", new Uri(fakehttp.BaseAddress!, "shared.txt").ToString());

        exit.ShouldBe(0, error);
        body.ShouldBe("everyone can see this");
        fakehttp.Error.ShouldStartWith($"fakehttp: warning: listening on 0.0.0.0, so anyone who can reach this machine can read '{dir.Path}'.");
    }
}
