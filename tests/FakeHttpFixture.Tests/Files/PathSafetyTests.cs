using System.Net;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Files;

public sealed class PathSafetyTests : IDisposable
{
    private const string Secret = "TOP-SECRET-c0ffee-42";
    private readonly TempDirectory _outer = new();

    public PathSafetyTests()
    {
        _outer.Write("secret.txt", Secret);
        _outer.Write("root/public.txt", "public");
        _outer.Write("root/sub/x.txt", "x");
        Directory.CreateDirectory(Path.Combine(Root, "evil.example"));
        File.CreateSymbolicLink(Path.Combine(Root, "link-out.txt"), Path.Combine(_outer.Path, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(Root, "linkdir"), _outer.Path);
        File.CreateSymbolicLink(Path.Combine(Root, "inside-link.txt"), "public.txt");
        File.CreateSymbolicLink(Path.Combine(Root, "dangling.txt"), "no-such-file.txt");
    }

    private string Root => Path.Combine(_outer.Path, "root");

    public static TheoryData<string> HostileTargets() =>
    [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/..%2fsecret.txt",
        "/..%2Fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/..%5csecret.txt",
        "/%2e%2e%5csecret.txt",
        "/..\\secret.txt",
        "/%252e%252e/secret.txt",
        "/%252e%252e%252fsecret.txt",
        "/..%252fsecret.txt",
        "/%c0%ae%c0%ae/secret.txt",
        "/..%c0%afsecret.txt",
        "/%e0%80%ae%e0%80%ae/secret.txt",
        "/%u002e%u002e/secret.txt",
        "/sub/../../secret.txt",
        "/sub/%2e%2e/%2e%2e/secret.txt",
        "/sub/..%2f..%2fsecret.txt",
        "/sub%2f..%2f..%2fsecret.txt",
        "/./../secret.txt",
        "//..//secret.txt",
        "/..;/secret.txt",
        "/secret.txt%00.txt",
        "/..%00/secret.txt",
        "/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt",
        "/link-out.txt",
        "/linkdir/secret.txt",
        "/linkdir/inner/../secret.txt",
        "/c:%5csecret.txt",
        "/C:/secret.txt",
        "/public.txt::$DATA",
        "/public.txt.",
        "/public.txt%20",
        "/CON",
        "/nul.txt",
        "/%",
        "/%zz/secret.txt",
        "http://127.0.0.1/../secret.txt",
        "http://127.0.0.1/%2e%2e/secret.txt",
    ];

    [Theory]
    [MemberData(nameof(HostileTargets))]
    public async Task Hostile_target_never_reveals_the_secret_outside_the_root(string target)
    {
        await using var server = HttpFixtureServer.Start(Root);

        var response = await RawHttp.ExchangeAsync(server, $"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        response.ShouldNotContain(Secret);
        response.ShouldStartWith("HTTP/1.1 ");
        response[9..12].ShouldBeOneOf("400", "404");
    }

    [Fact]
    public async Task Absolute_file_system_paths_in_the_target_are_relative_to_the_root()
    {
        await using var server = HttpFixtureServer.Start(Root);
        var secretPath = Path.Combine(_outer.Path, "secret.txt").Replace('\\', '/').TrimStart('/');

        foreach (var target in new[] { "/" + secretPath, "//" + secretPath, "/%2f" + secretPath })
        {
            var response = await RawHttp.ExchangeAsync(server, $"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            response.ShouldNotContain(Secret);
            response.ShouldStartWith("HTTP/1.1 404", customMessage: target);
        }
    }

    [Fact]
    public async Task Dot_segments_that_stay_inside_the_root_still_work()
    {
        await using var server = HttpFixtureServer.Start(Root);

        foreach (var target in new[] { "/sub/../public.txt", "/sub/%2e%2e/public.txt", "/../public.txt", "/sub/.%2e/inside-link.txt", "//public.txt" })
        {
            var response = await RawHttp.ExchangeAsync(server, $"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            response.ShouldStartWith("HTTP/1.1 200", customMessage: target);
            response.ShouldEndWith("public", customMessage: target);
        }
    }

    [Fact]
    public async Task Directory_replaced_by_a_link_out_of_the_root_after_a_first_get_is_not_followed()
    {
        _outer.Write("secret.txt", Secret);
        _outer.Write("root/swap/secret.txt", "inside");
        await using var server = HttpFixtureServer.Start(Root);
        using var client = new HttpClient();
        (await client.GetStringAsync(server.Url("swap/secret.txt"), TestContext.Current.CancellationToken)).ShouldBe("inside");

        Directory.Delete(Path.Combine(Root, "swap"), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(Root, "swap"), _outer.Path);

        using var response = await client.GetAsync(server.Url("swap/secret.txt"), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain(Secret);
    }

    [Fact]
    public async Task File_replaced_by_a_link_out_of_the_root_after_a_first_get_is_not_followed()
    {
        _outer.Write("root/swapped.txt", "inside");
        await using var server = HttpFixtureServer.Start(Root);
        using var client = new HttpClient();
        (await client.GetStringAsync(server.Url("swapped.txt"), TestContext.Current.CancellationToken)).ShouldBe("inside");

        File.Delete(Path.Combine(Root, "swapped.txt"));
        File.CreateSymbolicLink(Path.Combine(Root, "swapped.txt"), Path.Combine(_outer.Path, "secret.txt"));

        using var response = await client.GetAsync(server.Url("swapped.txt"), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain(Secret);
    }

    [Fact]
    public async Task Links_out_of_the_root_are_hidden_from_listings_and_served_only_with_follow_symlinks()
    {
        await using var strict = HttpFixtureServer.Start(Root);
        await using var following = HttpFixtureServer.Start(Root, o => o.FollowSymlinks = true);
        using var client = new HttpClient();

        var listing = await client.GetStringAsync(strict.BaseAddress);
        listing.ShouldNotContain("link-out.txt");
        listing.ShouldNotContain("linkdir");
        listing.ShouldNotContain("dangling.txt");
        (await client.GetAsync(strict.Url("dangling.txt"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        listing.ShouldContain("inside-link.txt");
        (await client.GetStringAsync(strict.Url("inside-link.txt"))).ShouldBe("public");
        (await client.GetStringAsync(following.Url("link-out.txt"))).ShouldBe(Secret);
        (await client.GetStringAsync(following.Url("linkdir/secret.txt"))).ShouldBe(Secret);
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("///evil.example")]
    [InlineData("//evil.example/sub/..")]
    [InlineData("/%2fevil.example")]
    [InlineData("/%2f%2fevil.example")]
    [InlineData("//evil.example/%2f..")]
    [InlineData("http://127.0.0.1//evil.example")]
    public async Task Redirects_never_point_to_another_server(string target)
    {
        await using var server = HttpFixtureServer.Start(Root);

        var response = await RawHttp.ExchangeAsync(server, $"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        foreach (var line in response.Split("\r\n").Where(l => l.StartsWith("Location:", StringComparison.OrdinalIgnoreCase)))
        {
            var location = line["Location:".Length..].Trim();
            location.ShouldBe("/evil.example/");
        }

        response.ShouldNotStartWith("HTTP/1.1 5");
    }

    [Fact]
    public async Task Bad_escapes_and_control_characters_are_400()
    {
        await using var server = HttpFixtureServer.Start(Root);
        using var client = new HttpClient();

        foreach (var target in new[] { "/%zz", "/a%2", "/%c3%28.txt", "/%00", "/a%0d%0aX-Injected:%201" })
        {
            var response = await RawHttp.ExchangeAsync(server, $"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            response.ShouldStartWith("HTTP/1.1 400", customMessage: target);
            response.ShouldNotContain("X-Injected");
        }
    }

    [Fact]
    public async Task Python_http_client_cannot_reach_the_secret_either()
    {
        await using var server = HttpFixtureServer.Start(Root);

        var answers = await PythonHttp.SendAsync(
            server,
            new PyRequest("GET", "/../secret.txt"),
            new PyRequest("GET", "/%2e%2e%2fsecret.txt"),
            new PyRequest("GET", "/link-out.txt"),
            new PyRequest("GET", "/..%5csecret.txt"),
            new PyRequest("GET", "/%zz"),
            new PyRequest("GET", "/public.txt"));

        answers.ShouldAllBe(a => !a.Text.Contains(Secret));
        answers.Select(a => a.Status).ShouldBe([404, 404, 404, 404, 400, 200]);
    }

    public void Dispose() => _outer.Dispose();
}
