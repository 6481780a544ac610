using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Recordings;

/// <summary>
/// A recording committed as a fixture holds no secrets by default: HTTP's own credentials, every header whose name says it carries
/// one, and cookies of every shape, including a cookie without '=' whose whole text is its value.
/// </summary>
public sealed class RedactionTests
{
    [Fact]
    public async Task Credential_headers_and_cookies_of_every_shape_are_redacted_by_default()
    {
        using var temp = new TempDirectory();
        await using var upstream = RawUpstream.Answering("HTTP/1.1 200 OK\r\nSet-Cookie: SECRETSETCOOKIE\r\nSet-Cookie: sess=s3cr3t; Path=/\r\nX-Auth-Token: tok-back\r\nContent-Length: 2\r\n\r\nok");
        await using var server = HttpFixtureServer.Start(o => o.ProxyTo(upstream.BaseAddress));

        // Raw bytes: HttpClient would refuse or reshape some of these headers.
        using var socket = await RawHttp.ConnectAsync(server);
        await RawHttp.SendAsync(socket,
            "GET /a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" +
            "Proxy-Authorization: Basic cHJveHk6c2VjcmV0\r\nAuthorization: Bearer abc.def\r\nCookie: SECRETCOOKIE; sess=s3cr3t\r\n" +
            "x-api-key: k1\r\napi-key: k2\r\nOcp-Apim-Subscription-Key: k3\r\nX-Auth-Token: k4\r\nX-Amz-Security-Token: k5\r\nX-Trace: visible\r\n\r\n");
        (await RawHttp.ReadToEndAsync(socket, TimeSpan.FromSeconds(10))).ShouldStartWith("HTTP/1.1 200 OK");
        await server.WaitForCompletionAsync(server.Requests.ShouldHaveSingleItem(), cancellationToken: TestContext.Current.CancellationToken);
        var har = Path.Combine(temp.Path, "t.har");

        server.SaveHar(har);

        var entry = HarEntries.Of(har).ShouldHaveSingleItem();
        var text = File.ReadAllText(har);
        foreach (var secret in new[] { "cHJveHk6c2VjcmV0", "abc.def", "SECRETCOOKIE", "s3cr3t", "k1", "k2", "k3", "k4", "k5", "SECRETSETCOOKIE", "tok-back" })
        {
            text.ShouldNotContain($"\"{secret}", Case.Sensitive, $"{secret} reached the HAR");
            text.ShouldNotContain($" {secret}", Case.Sensitive, $"{secret} reached the HAR");
            text.ShouldNotContain($"={secret}", Case.Sensitive, $"{secret} reached the HAR");
        }

        var request = HarEntries.Headers(entry, "request");
        request.ShouldContain(("Proxy-Authorization", "Basic REDACTED"));
        request.ShouldContain(("Authorization", "Bearer REDACTED"));
        request.ShouldContain(("Cookie", "REDACTED; sess=REDACTED"));
        request.ShouldContain(("x-api-key", "REDACTED"));
        request.ShouldContain(("Ocp-Apim-Subscription-Key", "REDACTED"));
        request.ShouldContain(("X-Trace", "visible"));
        HarEntries.Cookies(entry, "request").ShouldBe([(string.Empty, "REDACTED"), ("sess", "REDACTED")]);
        var response = HarEntries.Headers(entry, "response");
        response.ShouldContain(("Set-Cookie", "REDACTED"));
        response.ShouldContain(("Set-Cookie", "sess=REDACTED; Path=/"));
        HarEntries.Cookies(entry, "response").ShouldBe([(string.Empty, "REDACTED"), ("sess", "REDACTED")]);
        server.Requests[0].Header("x-api-key").ShouldBe("k1", "the journal keeps every value for the test's assertions");
    }

    [Fact]
    public void The_default_names_are_the_ones_the_docs_list()
    {
        var options = new HttpFixtureOptions();

        options.RedactedHeaders.Order(StringComparer.OrdinalIgnoreCase).ShouldBe(
            ["*-auth", "*access-key*", "*api_key*", "*api-key*", "*apikey*", "*credential*", "*passwd*", "*password*", "*private-key*", "*secret*", "*session*", "*signature*", "*subscription-key*", "*token*", "Authorization", "Cookie", "Proxy-Authorization", "Set-Cookie", "x-auth-*"],
            ignoreOrder: true);
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "record-and-replay.md"));
        foreach (var name in options.RedactedHeaders)
        {
            docs.ShouldContain($"`{name}`", Case.Sensitive, "docs/record-and-replay.md lists every redacted name");
        }
    }
}
