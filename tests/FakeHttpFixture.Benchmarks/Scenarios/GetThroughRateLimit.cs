using BenchmarkDotNet.Attributes;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>
/// <see cref="GetFileTree"/> on a fixture with a server-wide rate limit that never refuses: every answer goes through the limit
/// and carries its RateLimit-Policy and RateLimit headers. Raw Kestrel and WireMock do what they do in GetFileTree.
/// </summary>
[BenchmarkCategory(nameof(GetThroughRateLimit))]
public class GetThroughRateLimit : GetFileTree
{
    protected override void ConfigureFixture(HttpFixtureOptions options) => options.AddRateLimit(RateLimit.Allow(int.MaxValue, per: TimeSpan.FromDays(1)));
}
