namespace FakeHttpFixture.Xunit.Tests;

public sealed class AccountsSite : HttpFixture
{
    protected override FileTree ServedFiles => new() { ["accounts/42.json"] = """{ "id": 42 }""" };

    protected override void Configure(HttpFixtureOptions options) => options.FallbackStatusCode = 201;
}
