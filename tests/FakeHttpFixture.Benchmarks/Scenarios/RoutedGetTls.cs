using BenchmarkDotNet.Attributes;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>The GETs of <see cref="RoutedGet"/> over HTTPS (HTTP/1.1, kept alive): Direct at https://127.0.0.1:PORT/, Routed at https://api.example.com/.</summary>
[BenchmarkCategory(nameof(RoutedGetTls))]
public class RoutedGetTls : RoutedGet
{
    protected override bool Https => true;
}
