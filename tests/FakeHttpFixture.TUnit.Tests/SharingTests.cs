using System.Collections.Concurrent;

namespace FakeHttpFixture.TUnit.Tests;

public sealed class CatalogFixture : HttpFixture
{
    protected override FileTree ServedFiles => new() { ["catalog.json"] = """{ "items": 2 }""" };
}

[ClassDataSource<CatalogFixture>(Shared = SharedType.PerClass)]
public sealed class PerClassTests(CatalogFixture fixture)
{
    [Test]
    public async Task Per_class_server_serves_the_classs_files()
    {
        using var client = fixture.Server.CreateClient();

        (await client.GetStringAsync("catalog.json")).ShouldBe("""{ "items": 2 }""");
        fixture.Server.ShouldHaveReceived(HttpMethod.Get, "/catalog.json");
    }
}

internal static class KeyedPorts
{
    public static ConcurrentDictionary<string, int> Seen { get; } = new();
}

[ClassDataSource<HttpFixture>(Shared = SharedType.Keyed, Key = "orders")]
public sealed class KeyedFirstTests(HttpFixture fixture)
{
    [Test]
    public async Task Keyed_server_is_used_by_the_first_class()
    {
        KeyedPorts.Seen[nameof(KeyedFirstTests)] = fixture.Server.Port;
        using var client = fixture.Server.CreateClient();
        (await client.PostAsync("orders", new StringContent("first"))).Dispose();

        fixture.Server.ShouldHaveReceived(HttpMethod.Post, "/orders", 1).Single().BodyText.ShouldBe("first");
    }
}

[ClassDataSource<HttpFixture>(Shared = SharedType.Keyed, Key = "orders")]
public sealed class KeyedSecondTests(HttpFixture fixture)
{
    [Test]
    [DependsOn(typeof(KeyedFirstTests), nameof(KeyedFirstTests.Keyed_server_is_used_by_the_first_class))]
    public async Task Keyed_server_is_shared_by_classes_with_the_same_key()
    {
        fixture.Server.Port.ShouldBe(KeyedPorts.Seen[nameof(KeyedFirstTests)]);
        using var client = fixture.Server.CreateClient();
        (await client.PostAsync("orders", new StringContent("second"))).Dispose();

        fixture.Server.ShouldHaveReceived(HttpMethod.Post, "/orders", 1).Single().BodyText.ShouldBe("second");
    }
}
