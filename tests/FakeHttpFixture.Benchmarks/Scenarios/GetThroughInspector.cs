using BenchmarkDotNet.Attributes;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>
/// <see cref="GetFileTree"/> on a fixture with the inspector on and no page open: each request costs an observer call at arrival
/// and at completion that finds nobody to tell. Raw Kestrel and WireMock do what they do in GetFileTree.
/// </summary>
[BenchmarkCategory(nameof(GetThroughInspector))]
public class GetThroughInspector : GetFileTree
{
    protected override void ConfigureFixture(HttpFixtureOptions options) => options.EnableInspector();
}
