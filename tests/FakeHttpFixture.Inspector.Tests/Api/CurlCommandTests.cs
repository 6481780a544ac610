using System.Diagnostics;
using System.Text.Json;
using FakeHttpFixture.Inspector.Tests.Support;

namespace FakeHttpFixture.Inspector.Tests.Api;

public sealed class CurlCommandTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Copy_as_curl_sends_the_same_request_again()
    {
        Assert.SkipUnless(File.Exists("/usr/bin/curl") && File.Exists("/bin/sh"), "curl and a POSIX shell are needed; .ci/install-prereqs installs curl.");
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.EnableInspector());
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, "notes/1?draft=it's")
        {
            Content = new StringContent("line one\nit's 'quoted' $HOME `x`", System.Text.Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("X-Token", "a'b");
        await client.SendAsync(request, Cancel);
        var curl = (await InspectorClient.DetailAsync(server, 1)).GetProperty("curl").GetString()!;

        var start = new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", curl + " --silent --show-error" }, RedirectStandardError = true };
        using (var process = Process.Start(start)!)
        {
            await process.WaitForExitAsync(Cancel).WaitAsync(TimeSpan.FromSeconds(60), Cancel);
            process.ExitCode.ShouldBe(0, await process.StandardError.ReadToEndAsync(Cancel));
        }

        var again = await server.WaitForRequestAsync(r => r.Sequence == 2);
        var first = server.Requests[0];
        again.Method.ShouldBe("PUT");
        again.Path.ShouldBe(first.Path);
        again.QueryString.ShouldBe(first.QueryString);
        again.Body.ShouldBe(first.Body);
        again.Header("X-Token").ShouldBe("a'b");
        again.Header("Content-Type").ShouldBe(first.Header("Content-Type"));
    }

    [Fact]
    public async Task A_binary_body_is_sent_from_a_file_the_command_names()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.EnableInspector());
        using var client = server.CreateClient();
        await client.PostAsync("blob", new ByteArrayContent([0, 1, 2]), Cancel);

        var curl = (await InspectorClient.DetailAsync(server, 1)).GetProperty("curl").GetString()!;

        curl.ShouldContain("--data-binary @body.bin");
        curl.ShouldContain("3 bytes");
        JsonSerializer.Serialize(curl).ShouldNotContain("\\u0000");
    }
}
