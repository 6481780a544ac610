using System.Net;

namespace FakeHttpFixture.Tests.Responses;

/// <summary>CORS preflights and cross-origin answers over TLS, with HTTP/2 chosen by ALPN and with HTTP/1.1.</summary>
public sealed class CorsOverTlsTests
{
    [Fact]
    public async Task Cors_preflight_over_tls_and_http2_is_answered_with_the_origin_allowed()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["data.json"] = "{}" }, o =>
        {
            o.UseHttps();
            o.ClientPrefersHttp2 = true;
            o.EnableCors = true;
        });
        using var client = server.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "data.json");
        preflight.Headers.Add("Origin", "https://app.test");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");

        using var answer = await client.SendAsync(preflight, TestContext.Current.CancellationToken);
        using var get = new HttpRequestMessage(HttpMethod.Get, "data.json");
        get.Headers.Add("Origin", "https://app.test");
        using var data = await client.SendAsync(get, TestContext.Current.CancellationToken);

        answer.Version.ShouldBe(HttpVersion.Version20);
        answer.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        answer.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["https://app.test"]);
        data.StatusCode.ShouldBe(HttpStatusCode.OK);
        data.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["https://app.test"]);
        server.Requests.Select(r => (r.AnsweredBy, r.Scheme, r.Protocol)).ShouldBe([(ResponseSource.Cors, "https", "HTTP/2"), (ResponseSource.File, "https", "HTTP/2")]);
        server.Requests[1].ResponseHeaders["Access-Control-Allow-Origin"].ShouldBe(["https://app.test"]);
    }

    [Fact]
    public async Task Cors_preflight_over_tls_http11_is_answered()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o =>
        {
            o.UseHttps();
            o.EnableCors = true;
        });
        using var client = server.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "api/orders");
        preflight.Headers.Add("Origin", "https://app.test");
        preflight.Headers.Add("Access-Control-Request-Method", "PUT");

        using var answer = await client.SendAsync(preflight, TestContext.Current.CancellationToken);

        answer.Version.ShouldBe(HttpVersion.Version11);
        answer.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        string.Join(",", answer.Headers.GetValues("Access-Control-Allow-Methods")).ShouldContain("PUT");
    }
}
