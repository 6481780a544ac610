using BenchmarkDotNet.Attributes;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>
/// GetProxied with an upstream that takes a millisecond to answer (Task.Delay before the item JSON), as a fast real service
/// does: what the proxy adds to a call that has work behind it.
/// </summary>
[BenchmarkCategory(nameof(GetProxiedService1ms))]
public class GetProxiedService1ms : GetProxied
{
    protected override TimeSpan ServiceTime => TimeSpan.FromMilliseconds(1);
}
