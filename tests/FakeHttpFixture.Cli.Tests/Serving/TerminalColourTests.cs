using FakeHttpFixture.Cli.Tests.Support;

namespace FakeHttpFixture.Cli.Tests.Serving;

/// <summary>The request log is coloured on a terminal, and plain when NO_COLOR is set (no-color.org).</summary>
public sealed class TerminalColourTests
{
    // Runs fakehttp with its stdout on a pseudo-terminal, makes one request, stops it and prints what the terminal showed.
    private const string OnATerminal = """
        import http.client, os, pty, re, select, signal, subprocess, sys, time
        dotnet, tool, cwd, no_color = sys.argv[1:5]
        env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
        if no_color:
            env["NO_COLOR"] = no_color
        master, slave = pty.openpty()
        p = subprocess.Popen([dotnet, tool, "--port", "0"], cwd=cwd, stdin=subprocess.DEVNULL, stdout=slave, stderr=subprocess.DEVNULL, env=env)
        os.close(slave)
        seen = b""
        def read_until(done):
            global seen
            deadline = time.time() + 60
            while not done(seen):
                ready, _, _ = select.select([master], [], [], max(0, deadline - time.time()))
                if not ready:
                    p.kill()
                    sys.exit("fakehttp printed nothing more; so far: %r" % seen)
                seen += os.read(master, 4096)
        try:
            read_until(lambda s: b"Ctrl+C to stop" in s)
            port = int(re.search(rb"127\.0\.0\.1:(\d+)/", seen).group(1))
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            c.request("GET", "/missing")
            c.getresponse().read()
            c.close()
            read_until(lambda s: b"/missing" in s and b"\n" in s.split(b"/missing", 1)[1])
        finally:
            p.send_signal(signal.SIGTERM)
            p.wait(30)
        sys.stdout.write(seen.decode("utf-8", "replace"))
        """;

    [Fact]
    public async Task Request_lines_are_coloured_on_a_terminal()
    {
        using var dir = new TempDirectory();

        var (exit, shown, error) = await ExternalProcess.PythonAsync(OnATerminal, FakehttpProcess.DotnetHost(), FakehttpProcess.ToolPath, dir.Path, "");

        exit.ShouldBe(0, error);
        var line = shown.Split('\n').Single(l => l.Contains("/missing", StringComparison.Ordinal));
        line.ShouldContain("\e[33m404\e[0m", customMessage: "a 4xx status is yellow");
    }

    [Fact]
    public async Task No_color_keeps_a_terminal_plain()
    {
        using var dir = new TempDirectory();

        var (exit, shown, error) = await ExternalProcess.PythonAsync(OnATerminal, FakehttpProcess.DotnetHost(), FakehttpProcess.ToolPath, dir.Path, "1");

        exit.ShouldBe(0, error);
        // Only the log line is ours: the .NET runtime itself may switch the terminal's keypad mode (ESC [?1h) at start.
        var line = shown.Split('\n').Single(l => l.Contains("/missing", StringComparison.Ordinal));
        line.ShouldContain("GET /missing  404");
        line.ShouldNotContain("\e");
    }
}
