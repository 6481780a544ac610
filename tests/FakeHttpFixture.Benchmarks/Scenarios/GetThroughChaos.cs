using BenchmarkDotNet.Attributes;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>
/// <see cref="GetFileTree"/> on a fixture with a server-wide chaos rule that counts and draws for every request but picks none
/// (a share of 0): the cost of the chaos stage itself. Raw Kestrel and WireMock do what they do in GetFileTree.
/// </summary>
[BenchmarkCategory(nameof(GetThroughChaos))]
public class GetThroughChaos : GetFileTree
{
    protected override void ConfigureFixture(HttpFixtureOptions options) => options.AddChaos(Chaos.Share(0).Respond(503));
}
