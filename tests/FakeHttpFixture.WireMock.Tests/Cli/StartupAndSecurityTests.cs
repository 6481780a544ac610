using System.Net;
using System.Net.Http.Headers;
using FakeHttpFixture.WireMock.Tests.Support;

namespace FakeHttpFixture.WireMock.Tests.Cli;

/// <summary>Mapping files are checked at start with the file, JSON path and word; the admin API stays on loopback unless a token guards it.</summary>
public sealed class StartupAndSecurityTests
{
    [Fact]
    public async Task Mapping_with_an_unknown_matcher_stops_the_start_naming_file_path_and_word()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("wm/mappings/orders/bad.json", """{ "mappings": [ { "request": { "url": "/ok" } }, { "request": { "url": "/x", "headers": { "A": { "equalToIgnoringCase": "b" } } } } ] }""");
        await using var fakehttp = FakehttpProcess.Start(dir.Path, null, "--mappings", "wm", "--port", "0");

        (await fakehttp.WaitForExitAsync()).ShouldBe(1);

        fakehttp.Error.ShouldStartWith($"fakehttp: --mappings: WireMock mapping '{file}' at $.mappings[1].request.headers.A.equalToIgnoringCase: 'equalToIgnoringCase' is not a word FakeHttpFixture.WireMock knows in a string matcher;");
        fakehttp.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task Mapping_file_that_is_not_JSON_stops_the_start_naming_it()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("wm/mappings/broken.json", "{ \"request\": ");
        await using var fakehttp = FakehttpProcess.Start(dir.Path, null, "--mappings", "wm", "--port", "0");

        (await fakehttp.WaitForExitAsync()).ShouldBe(1);

        fakehttp.Error.ShouldStartWith($"fakehttp: --mappings: WireMock mapping '{file}' is not JSON:");
    }

    [Fact]
    public async Task Admin_on_a_non_loopback_address_without_a_token_is_refused_at_start()
    {
        using var dir = new TempDirectory();
        await using var fakehttp = FakehttpProcess.Start(dir.Path, null, "--admin", "--bind", "0.0.0.0", "--port", "0");

        (await fakehttp.WaitForExitAsync()).ShouldBe(1);

        fakehttp.Error.ShouldContain("--admin on 0.0.0.0 would let anyone who can reach this machine change the stubs");
        fakehttp.Error.ShouldContain("--admin-token");
    }

    [Fact]
    public async Task Admin_token_is_required_as_a_bearer_token_and_the_stubs_still_answer_without_it()
    {
        using var dir = new TempDirectory();
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "--mappings", MappingSets.Reference, "--admin", "--admin-token", "s3cret", "--port", "0", "--quiet");
        using var client = HttpCase.Client();
        client.BaseAddress = fakehttp.BaseAddress;
        var token = TestContext.Current.CancellationToken;

        using var without = await client.GetAsync("__admin/mappings", token);
        using var wrong = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "__admin/mappings") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "guess") } }, token);
        using var right = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "__admin/mappings") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "s3cret") } }, token);
        var stub = await client.GetStringAsync("path", token);

        without.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await without.Content.ReadAsStringAsync(token)).ShouldContain("Authorization: Bearer");
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        stub.ShouldBe("path only");
        fakehttp.Output.ShouldContain("(Authorization: Bearer token required)");
    }
}
