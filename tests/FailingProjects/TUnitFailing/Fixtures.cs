using FakeHttpFixture;

namespace TUnitFailing;

public sealed class SiteFixture : HttpFixture
{
    protected override FileTree ServedFiles => new() { ["hello.txt"] = "hello" };
}

public sealed class StrictFixture : HttpFixture
{
    protected override void Configure(HttpFixtureOptions options) => options.Strict = true;
}
