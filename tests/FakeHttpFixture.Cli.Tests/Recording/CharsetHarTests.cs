using System.Text.Json;
using FakeHttpFixture.Cli.Tests.Support;

namespace FakeHttpFixture.Cli.Tests.Recording;

/// <summary>
/// Issue 21, item 2: a charset .NET cannot decode (utf-7, a made-up name) crashed the HAR writer at exit and lost every later
/// entry; a body in another charset than it declared was rewritten ("caf??"). Now every body reaches the HAR byte for byte.
/// </summary>
public sealed class CharsetHarTests
{
    [Fact]
    public async Task Bodies_in_odd_charsets_reach_the_har_at_exit_byte_for_byte_and_nothing_crashes()
    {
        using var dir = new TempDirectory();
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "--port", "0", "--har", "out.har", "--record", "rec");
        const string Send = """
            import http.client, sys
            cases = [("text/plain; charset=utf-7", b"Hi Mom -+Jjo--!"), ("text/plain; charset=x-made-up", b"\xff\xfe\x00"),
                     ("text/plain; charset=us-ascii", "café".encode("utf-8")), ("application/json; charset=utf-16", b"{\x00\xd8"),
                     ("text/plain", "plain ✓".encode("utf-8"))]
            for i, (ctype, body) in enumerate(cases):
                c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=30)
                c.request("POST", "/c/%d" % i, body=body, headers={"Content-Type": ctype})
                print(c.getresponse().status); c.close()
            """;

        var (exit, output, error) = await ExternalProcess.PythonAsync(Send, RecordTests.Port(fakehttp));
        exit.ShouldBe(0, error);
        output.ShouldBe("200\n200\n200\n200\n200\n");
        await fakehttp.WaitForLineAsync("/c/4");
        await fakehttp.SignalAsync("TERM");

        (await fakehttp.WaitForExitAsync()).ShouldBe(0, fakehttp.Error);
        fakehttp.Error.ShouldBeEmpty();
        using var har = JsonDocument.Parse(File.ReadAllText(dir["out.har"]));
        var postData = har.RootElement.GetProperty("log").GetProperty("entries").EnumerateArray()
            .Select(e => e.GetProperty("request").GetProperty("postData")).ToArray();
        postData.Select(p => p.TryGetProperty("encoding", out var encoding) ? encoding.GetString() : "text").ShouldBe(["text", "base64", "base64", "base64", "text"]);
        postData[0].GetProperty("text").GetString().ShouldBe("Hi Mom -+Jjo--!");
        Convert.FromBase64String(postData[1].GetProperty("text").GetString()!).ShouldBe([0xff, 0xfe, 0x00]);
        Convert.FromBase64String(postData[2].GetProperty("text").GetString()!).ShouldBe("café"u8.ToArray());
        Convert.FromBase64String(postData[3].GetProperty("text").GetString()!).ShouldBe([(byte)'{', 0x00, 0xd8]);
        postData[4].GetProperty("text").GetString().ShouldBe("plain ✓");
        File.ReadAllBytes(dir["rec/000003.body"]).ShouldBe("café"u8.ToArray(), "the record keeps the bytes too");
    }
}
