using FakeHttpFixture.WireMock.Tests.Support;

namespace FakeHttpFixture.WireMock.Tests.Cli;

/// <summary>fakehttp --mappings answers the reference mapping set's requests: each matcher, response kind and template, and 404 for what nothing matches.</summary>
public sealed class ReferenceSetTests(MappingsServer server) : IClassFixture<MappingsServer>
{
    [Theory]
    [MemberData(nameof(ReferenceCases.Names), MemberType = typeof(ReferenceCases))]
    public async Task Request_gets_the_answer_of_the_mapping_it_matches(string name)
    {
        var test = ReferenceCases.Named(name);
        using var client = HttpCase.Client();

        using var response = await client.SendAsync(test.ToRequest(server.BaseAddress), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBe(test.Status, $"{name}: {body}");
        if (test.Body is not null)
        {
            body.ShouldBe(test.Body, name);
            response.Headers.GetValues("Matched-Stub-Id").Single().ShouldStartWith("00000000-0000-4000-8000-");
        }
    }

    [Fact]
    public async Task Status_message_and_headers_are_sent_as_the_mapping_gives_them()
    {
        using var client = HttpCase.Client();

        using var status = await client.GetAsync(new Uri(server.BaseAddress, "status"), TestContext.Current.CancellationToken);
        using var multi = await client.GetAsync(new Uri(server.BaseAddress, "multi-header"), TestContext.Current.CancellationToken);
        using var plain = await client.GetAsync(new Uri(server.BaseAddress, "path"), TestContext.Current.CancellationToken);

        status.ReasonPhrase.ShouldBe("I am a teapot here");
        status.Headers.GetValues("X-Custom").ShouldBe(["1"]);
        status.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        multi.Headers.GetValues("X-Multi").ShouldBe(["a", "b"]);
        plain.Content.Headers.ContentType.ShouldBeNull("WireMock sends no Content-Type the mapping does not give.");
    }
}
