using FakeHttpFixture.Cli.Tests.Support;

namespace FakeHttpFixture.Cli.Tests.Serving;

/// <summary>--accept-uploads and --cors switch on the library's upload and CORS behaviour.</summary>
public sealed class UploadAndCorsTests
{
    [Fact]
    public async Task Accept_uploads_stores_a_curl_upload_in_the_served_directory_and_serves_it_back()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir["site"]);
        var local = dir.Write("to-send.txt", "uploaded by curl");
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "site", "--port", "0", "--accept-uploads");

        var (putExit, _, putError) = await ExternalProcess.RunAsync("curl", "-sS", "--fail", "-T", local, new Uri(fakehttp.BaseAddress!, "inbox/report.txt").ToString());
        putExit.ShouldBe(0, putError);
        var (getExit, body, getError) = await ExternalProcess.RunAsync("curl", "-sS", "--fail", new Uri(fakehttp.BaseAddress!, "inbox/report.txt").ToString());

        getExit.ShouldBe(0, getError);
        body.ShouldBe("uploaded by curl");
        File.ReadAllText(dir["site/inbox/report.txt"]).ShouldBe("uploaded by curl");
    }

    [Fact]
    public async Task Cors_answers_a_browser_preflight_with_the_allow_headers()
    {
        using var dir = new TempDirectory();
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "--port", "0", "--cors");

        var (exit, headers, error) = await ExternalProcess.RunAsync(
            "curl", "-sS", "-o", "/dev/null", "-D", "-", "-X", "OPTIONS",
            "-H", "Origin: http://app.test", "-H", "Access-Control-Request-Method: PUT",
            new Uri(fakehttp.BaseAddress!, "api/items").ToString());

        exit.ShouldBe(0, error);
        headers.ShouldMatch(@"(?im)^HTTP/1\.1 20[04]");
        headers.ShouldMatch(@"(?im)^access-control-allow-origin: (\*|http://app\.test)\r?$");
        headers.ShouldMatch(@"(?im)^access-control-allow-methods: .*PUT");
    }
}
