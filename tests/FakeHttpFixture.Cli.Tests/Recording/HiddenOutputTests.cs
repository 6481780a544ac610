using System.Globalization;
using System.Text.Json;
using FakeHttpFixture.Cli.Tests.Support;

namespace FakeHttpFixture.Cli.Tests.Recording;

/// <summary>
/// Issue 21, item 3: `fakehttp --record rec` inside the served directory (the default case) served rec/index.jsonl, with other
/// clients' Authorization headers, and with --accept-uploads let a PUT overwrite it and a DELETE remove it.
/// </summary>
public sealed class HiddenOutputTests
{
    [Fact]
    public async Task The_record_and_the_har_inside_the_served_directory_are_never_served_listed_or_written_over_http()
    {
        using var dir = new TempDirectory();
        dir.Write("index.txt", "public");
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "--port", "0", "--record", "rec", "--har", "requests.har", "--accept-uploads");
        var url = fakehttp.BaseAddress!;

        (await CurlAsync("-H", "Authorization: Bearer s3cr3t", "--data-binary", "secret body", new Uri(url, "api/login").ToString())).Status.ShouldBe(200);
        await fakehttp.WaitForLineAsync("/api/login");

        foreach (var path in new[] { "rec/index.jsonl", "rec/000001.body", "rec/", "rec", "requests.har", "./rec/index.jsonl", "index.txt/../rec/index.jsonl" })
        {
            var (status, body) = await CurlAsync(url + path);
            (path, status).ShouldBe((path, 404));
            body.Contains("s3cr3t", StringComparison.Ordinal).ShouldBeFalse(path);
        }

        var (listed, listing) = await CurlAsync(url.ToString());
        listed.ShouldBe(200);
        listing.ShouldContain("index.txt");
        listing.Contains("rec/", StringComparison.Ordinal).ShouldBeFalse(listing);
        listing.Contains("requests.har", StringComparison.Ordinal).ShouldBeFalse(listing);

        (await CurlAsync("-X", "PUT", "--data-binary", "{}", new Uri(url, "rec/index.jsonl").ToString())).Status.ShouldBe(403);
        (await CurlAsync("-X", "PUT", "--data-binary", "planted", new Uri(url, "rec/000099.body").ToString())).Status.ShouldBe(403);
        (await CurlAsync("-X", "DELETE", new Uri(url, "rec/index.jsonl").ToString())).Status.ShouldBe(403);
        (await CurlAsync("-X", "DELETE", new Uri(url, "rec/000001.body").ToString())).Status.ShouldBe(403);
        (await CurlAsync("-X", "PUT", "--data-binary", "not a har", new Uri(url, "requests.har").ToString())).Status.ShouldBe(403);
        (await CurlAsync("-X", "PUT", "--data-binary", "fine", new Uri(url, "elsewhere.txt").ToString())).Status.ShouldBe(201);
        await fakehttp.WaitForLineAsync("/elsewhere.txt");
        await fakehttp.SignalAsync("TERM");

        (await fakehttp.WaitForExitAsync()).ShouldBe(0, fakehttp.Error);
        var index = File.ReadAllLines(dir["rec/index.jsonl"]).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        index[0].GetProperty("headers").GetProperty("Authorization")[0].GetString().ShouldBe("Bearer s3cr3t");
        index.Select(e => e.GetProperty("status").GetInt32()).ShouldBe([200, 404, 404, 404, 404, 404, 404, 404, 200, 403, 403, 403, 403, 403, 201]);
        File.ReadAllText(dir["rec/000001.body"]).ShouldBe("secret body");
        File.Exists(dir["rec/000099.body"]).ShouldBeFalse();
        using var har = JsonDocument.Parse(File.ReadAllText(dir["requests.har"]));
        har.RootElement.GetProperty("log").GetProperty("entries").GetArrayLength().ShouldBe(index.Length);
    }

    private static async Task<(int Status, string Body)> CurlAsync(params string[] arguments)
    {
        var (exit, output, error) = await ExternalProcess.RunAsync("curl", ["-sS", "--path-as-is", "-w", "\n%{http_code}", .. arguments]);
        exit.ShouldBe(0, error);
        var split = output.LastIndexOf('\n');
        return (int.Parse(output[(split + 1)..], CultureInfo.InvariantCulture), output[..split]);
    }
}
