using FakeHttpFixture;
using Xunit;

namespace XunitV3OpenApiFailing;

public sealed class ContractTests : HttpFixtureTest
{
    protected override void Configure(HttpFixtureOptions options) => options.ValidateAgainstOpenApi(Path.Combine(AppContext.BaseDirectory, "pets.yaml"));

    [Fact]
    public async Task Passes_its_assertions_with_a_drifted_stub()
    {
        Server.Stub(HttpMethod.Get, "/pets/1").Respond(StubResponse.Json(new { id = 1, name = "Rex", species = "dog" }));
        using var client = Server.CreateClient();

        var body = await client.GetStringAsync("pets/1", TestContext.Current.CancellationToken);

        Assert.Contains("Rex", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keeps_the_contract()
    {
        Server.Stub(HttpMethod.Get, "/pets/1").Respond(StubResponse.Json(new { id = 1, name = "Rex", kind = "dog" }));
        using var client = Server.CreateClient();

        var body = await client.GetStringAsync("pets/1", TestContext.Current.CancellationToken);

        Assert.Contains("Rex", body, StringComparison.Ordinal);
    }
}
