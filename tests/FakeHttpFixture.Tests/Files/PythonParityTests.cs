using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Files;

/// <summary>
/// Sends the same requests to `python3 -m http.server` and to our server over the same directory, and checks that we agree
/// wherever Python is right. The deliberate differences are listed in docs/serving-files.md.
/// </summary>
public sealed partial class PythonParityTests
{
    [GeneratedRegex(@"port (\d+)")]
    private static partial Regex PortLine();

    private static readonly string[] Targets =
    [
        "/", "/hello.txt", "/page.html", "/data.json", "/img.png", "/blob.weird", "/site", "/site/", "/site?x=1&y=%20",
        "/sub", "/sub/", "/sub/a%20b.txt", "/sub/inner.css", "/sub/deeper", "/missing.txt", "/hello.txt/", "/sub/../hello.txt",
        "/d%C3%A9", "/d%C3%A9/", "/sub/%C3%A9.txt", "/sub/100%25.txt", "/sub/hash%23.txt", "/sub/deeper/",
    ];

    [Fact]
    public async Task We_agree_with_python_http_server_on_status_location_length_type_dates_and_listings()
    {
        using var dir = new TempDirectory();
        dir.Write("hello.txt", "hello\n");
        dir.Write("page.html", "<p>page</p>");
        dir.Write("data.json", "{\"a\":1}");
        await File.WriteAllBytesAsync(Path.Combine(dir.Path, "img.png"), [0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
        dir.Write("blob.weird", "?");
        dir.Write("site/index.html", "<h1>site</h1>");
        dir.Write("sub/a b.txt", "with space");
        dir.Write("sub/inner.css", "a{}");
        dir.Write("sub/deeper/Z.txt", "z");
        dir.Write("sub/deeper/y.txt", "y");
        dir.Write("sub/é.txt", "e acute");
        dir.Write("sub/100%.txt", "percent");
        dir.Write("sub/hash#.txt", "hash");
        dir.Write("dé/inside.txt", "inside");
        await using var ours = HttpFixtureServer.Start(dir.Path);
        using var python = await PythonHttpServer.StartAsync(dir.Path);

        var requests = Targets.Select(t => new PyRequest("GET", t)).Append(new PyRequest("HEAD", "/hello.txt")).ToArray();
        var expected = await PythonHttp.SendAsync(python.Port, requests);
        var actual = await PythonHttp.SendAsync(ours, requests);

        var compared = (Files: 0, Listings: 0, Redirects: 0);
        for (var i = 0; i < requests.Length; i++)
        {
            var (py, us, what) = (expected[i], actual[i], $"{requests[i].Method} {requests[i].Target}");
            us.Status.ShouldBe(py.Status, what);
            us.Header("Location").ShouldBe(py.Header("Location"), what);
            compared.Redirects += py.Status == 301 ? 1 : 0;
            if (py.Status != 200)
            {
                continue;
            }

            MediaType(us.Header("Content-Type")).ShouldBe(MediaType(py.Header("Content-Type")), what);
            var isListing = py.Text.Contains("Directory listing for", StringComparison.Ordinal);
            if (isListing)
            {
                var ourLinks = DirectoryListingTests.Links(us.Text).Where(l => l.Href != "../");
                ourLinks.ShouldBe(DirectoryListingTests.Links(py.Text), what);
                compared.Listings++;
                continue;
            }

            us.Header("Content-Length").ShouldBe(py.Header("Content-Length"), what);
            us.Header("Last-Modified").ShouldBe(py.Header("Last-Modified"), what);
            us.Body.ShouldBe(py.Body, what);
            compared.Files++;
        }

        compared.ShouldBe((Files: 13, Listings: 4, Redirects: 5));
    }

    private static string? MediaType(string? contentType) => contentType?.Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>python3 -m http.server on an ephemeral loopback port; it prints the port it got.</summary>
    private sealed class PythonHttpServer : IDisposable
    {
        private readonly Process _process;

        private PythonHttpServer(Process process, int port)
        {
            _process = process;
            Port = port;
        }

        public int Port { get; }

        public static async Task<PythonHttpServer> StartAsync(string directory)
        {
            var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "-u", "-m", "http.server", "--bind", "127.0.0.1", "--directory", directory, "0" })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start)!;
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
                {
                    if (PortLine().Match(line) is { Success: true } match)
                    {
                        return new PythonHttpServer(process, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }

            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw new InvalidOperationException("python3 -m http.server did not print its port within 30 s.");
        }

        public void Dispose()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
            _process.Dispose();
        }
    }
}
