using System.Text.Json;
using FakeHttpFixture.Cli.Tests.Support;

namespace FakeHttpFixture.Cli.Tests.Recording;

/// <summary>
/// Issue 21, item 8: a request that got no response (its client went away mid-body) has no duration: durationMs is null in
/// index.jsonl and the log shows "-", as docs/cli.md says. It used to carry the time until the break.
/// </summary>
public sealed class AbortedRequestTests
{
    [Fact]
    public async Task A_client_that_leaves_mid_body_is_recorded_aborted_with_the_bytes_that_arrived_and_no_duration()
    {
        using var dir = new TempDirectory();
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "--port", "0", "--record", "rec");
        const string Send = """
            import socket, sys
            s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=30)
            s.sendall(b"POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\nExpect: 100-continue\r\n\r\n")
            assert b"100 Continue" in s.recv(100)
            s.sendall(b"0123456789")
            s.close()
            """;

        var (exit, _, error) = await ExternalProcess.PythonAsync(Send, RecordTests.Port(fakehttp));
        exit.ShouldBe(0, error);

        (await fakehttp.WaitForLineAsync("/upload")).ShouldEndWith("POST /upload  aborted  -  -");
        var line = JsonDocument.Parse(File.ReadAllLines(dir["rec/index.jsonl"]).ShouldHaveSingleItem()).RootElement;
        line.GetProperty("aborted").GetBoolean().ShouldBeTrue();
        line.GetProperty("status").GetInt32().ShouldBe(0);
        line.GetProperty("durationMs").ValueKind.ShouldBe(JsonValueKind.Null);
        var length = line.GetProperty("bodyLength").GetInt64();
        length.ShouldBeLessThanOrEqualTo(10);
        if (length > 0)
        {
            File.ReadAllText(dir["rec/000001.body"]).ShouldBe("0123456789"[..(int)length]);
        }
    }
}
