using System.Text;
using FakeHttpFixture.Tests.Reliability;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Security;

/// <summary>
/// Hostile request targets, sent over a raw socket because HttpClient and curl normalize them away, against a served
/// directory with a secret file just outside it: the secret must never come back, whatever the encoding.
/// </summary>
[Trait("Category", "Security")]
public sealed class PathEscapeTests : IDisposable
{
    private readonly TempDirectory _outer = new();
    private readonly string _secret = "SECRET-" + Guid.NewGuid().ToString("N");
    private readonly string _root;

    public PathEscapeTests()
    {
        _outer.Write("secret.txt", _secret);
        _outer.Write("rootx/secret.txt", _secret);
        _outer.Write("outside-only-name.txt", _secret);
        _root = Path.GetDirectoryName(_outer.Write("root/public.txt", "public"))!;
        _outer.Write("root/sub/inner.txt", "inner");
    }

    public static TheoryData<string> Targets =>
    [
        "/../secret.txt",
        "/../../secret.txt",
        "/sub/../../secret.txt",
        "/./../secret.txt",
        "//../secret.txt",
        "/..%2fsecret.txt",
        "/..%2Fsecret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/%2e%2e%2fsecret.txt",
        "/.%2e/secret.txt",
        "/%2e./secret.txt",
        "/sub/%2e%2e/%2e%2e/secret.txt",
        "/sub/..%2f..%2fsecret.txt",
        "/..\\secret.txt",
        "/..%5csecret.txt",
        "/..%5Csecret.txt",
        "/sub\\..\\..\\secret.txt",
        "/sub/..%5c..%5csecret.txt",
        "/%252e%252e/secret.txt",
        "/%252e%252e%252fsecret.txt",
        "/..%252fsecret.txt",
        "/..%255csecret.txt",
        "/%c0%ae%c0%ae/secret.txt",
        "/%c0%ae%c0%ae%c0%afsecret.txt",
        "/..%c0%afsecret.txt",
        "/..%c1%9csecret.txt",
        "/%e0%80%ae%e0%80%ae/secret.txt",
        "/%u002e%u002e/secret.txt",
        "/..%00/secret.txt",
        "/../secret.txt%00.txt",
        "/..;/secret.txt",
        "/.../secret.txt",
        "/../rootx/secret.txt",
        "/%2e%2e/rootx/secret.txt",
        "/../outside-only-name.txt",
        "http://x/../secret.txt",
        "http://x/%2e%2e/secret.txt",
        "/../../../../../../../../../../etc/passwd",
        "/..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "//etc/passwd",
        "/%2fetc%2fpasswd",
        "/ABSOLUTE",
        "/%2FABSOLUTE",
        "/ABSOLUTE%00",
    ];

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Hostile_target_never_serves_a_file_outside_the_root(string target)
    {
        await using var server = HttpFixtureServer.Start(_root);
        var secretPath = Path.Combine(_outer.Path, "secret.txt");
        target = target
            .Replace("/ABSOLUTE", secretPath, StringComparison.Ordinal)
            .Replace("%2FABSOLUTE", Uri.EscapeDataString(secretPath), StringComparison.Ordinal);

        var reply = await SendAsync(server, target);

        reply.Text.ShouldNotContain(_secret, Case.Sensitive, $"'{target}' served the secret next to the root: {reply}");
        reply.Text.ShouldNotContain("root:x:0:0", Case.Sensitive, $"'{target}' served /etc/passwd: {reply}");
        reply.StatusCode.ShouldNotBeNull($"'{target}' got no response at all: {reply}");
        (await SendAsync(server, "/public.txt")).Text.ShouldEndWith("public");
    }

    // A control for the theory above: its targets pass only if the secret stays unserved, which proves nothing unless a server
    // that joined the decoded target to the root would have served it. Decoded once and joined naively, most of them reach it.
    [Fact]
    public void The_targets_reach_the_secret_when_joined_to_the_root_without_checks()
    {
        var secretPath = Path.Combine(_outer.Path, "secret.txt");
        var reached = new List<string>();
        foreach (var row in Targets)
        {
            var target = row.Data.Replace("/ABSOLUTE", secretPath, StringComparison.Ordinal).Replace("http://x", string.Empty, StringComparison.Ordinal);
            var decoded = Uri.UnescapeDataString(target).Replace('\\', '/').Split('\0')[0];
            var naive = decoded.StartsWith(_outer.Path, StringComparison.Ordinal) ? decoded : Path.GetFullPath(_root + decoded);
            if (File.Exists(naive) && !naive.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && File.ReadAllText(naive) is var text && (text.Contains(_secret, StringComparison.Ordinal) || text.Contains("root:x:0:0", StringComparison.Ordinal)))
            {
                reached.Add(target);
            }
        }

        Targets.Count.ShouldBeGreaterThanOrEqualTo(30);
        reached.ShouldContain("/../secret.txt");
        reached.ShouldContain("/../rootx/secret.txt");
        reached.ShouldContain(secretPath);
        reached.Count.ShouldBeGreaterThanOrEqualTo(20, $"only these targets reach a secret when joined naively: {string.Join(" ", reached)}");
    }

    [Fact]
    public async Task Symlink_inside_the_root_to_a_file_inside_the_root_is_served()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "alias.txt"), Path.Combine(_root, "public.txt"));
        await using var server = HttpFixtureServer.Start(_root);

        var reply = await SendAsync(server, "/alias.txt");

        reply.StatusCode.ShouldBe(200, reply.ToString());
        reply.Text.ShouldEndWith("public");
    }

    [Fact]
    public async Task Symlink_to_a_file_outside_the_root_is_not_followed()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "escape.txt"), Path.Combine(_outer.Path, "secret.txt"));
        await using var server = HttpFixtureServer.Start(_root);

        var reply = await SendAsync(server, "/escape.txt");

        reply.Text.ShouldNotContain(_secret, Case.Sensitive, reply.ToString());
        reply.StatusCode.ShouldBe(404, reply.ToString());
    }

    [Fact]
    public async Task Symlink_to_a_directory_outside_the_root_is_not_followed_nor_listed()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "escape"), _outer.Path);
        await using var server = HttpFixtureServer.Start(_root);

        foreach (var target in new[] { "/escape/secret.txt", "/escape/rootx/secret.txt", "/escape/", "/escape", "/sub/../escape/secret.txt" })
        {
            var reply = await SendAsync(server, target);
            reply.Text.ShouldNotContain(_secret, Case.Sensitive, $"{target}: {reply}");
            reply.Text.ShouldNotContain("outside-only-name", Case.Sensitive, $"{target} listed the directory outside the root: {reply}");
        }
    }

    [Fact]
    public async Task A_temp_directory_server_serves_nothing_of_its_parent()
    {
        await using var server = HttpFixtureServer.Start();
        var marker = "TEMP-SIBLING-" + Guid.NewGuid().ToString("N");
        var sibling = Path.Combine(Path.GetDirectoryName(server.RootDirectory!)!, $"fakehttp-sibling-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(sibling, marker, TestContext.Current.CancellationToken);
        try
        {
            var name = Path.GetFileName(sibling);
            foreach (var target in new[] { $"/../{name}", $"/%2e%2e/{name}", $"/..%2f{name}", $"/..%5c{name}" })
            {
                (await SendAsync(server, target)).Text.ShouldNotContain(marker, Case.Sensitive, target);
            }
        }
        finally
        {
            File.Delete(sibling);
        }
    }

    public void Dispose() => _outer.Dispose();

    private static Task<RawReply> SendAsync(HttpFixtureServer server, string target) =>
        RawReply.ExchangeAsync(server.Port, Encoding.Latin1.GetBytes($"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), TimeSpan.FromSeconds(10));
}
