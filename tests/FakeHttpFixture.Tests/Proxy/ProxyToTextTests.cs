namespace FakeHttpFixture.Tests.Proxy;

/// <summary>Issue 32, item 6: ProxyTo takes the upstream as text too, as the docs write it, and says which text is not an address.</summary>
public sealed class ProxyToTextTests
{
    [Fact]
    public async Task ProxyTo_with_an_address_as_text_forwards_to_it()
    {
        await using var upstream = HttpFixtureServer.Start(new FileTree { ["hello.txt"] = "from the upstream" });
        await using var proxy = HttpFixtureServer.Start(o => o.ProxyTo(upstream.BaseAddress.ToString()));
        using var client = proxy.CreateClient();

        (await client.GetStringAsync("hello.txt", TestContext.Current.CancellationToken)).ShouldBe("from the upstream");
        upstream.Requests.ShouldHaveSingleItem().Path.ShouldBe("/hello.txt");
    }

    [Fact]
    public void ProxyTo_with_text_that_is_no_absolute_address_fails_the_start_with_a_sentence_that_quotes_it()
    {
        var ex = Should.Throw<ArgumentException>(() => HttpFixtureServer.Start(o => o.ProxyTo("api.example.com")));

        ex.Message.ShouldStartWith("ProxyTo needs an absolute http:// or https:// address, such as https://api.example.com/; it is 'api.example.com', which is not one.");
    }

    [Fact]
    public void ProxyTo_with_text_of_another_scheme_fails_as_the_Uri_overload_does()
    {
        var ex = Should.Throw<ArgumentException>(() => HttpFixtureServer.Start(o => o.ProxyTo("ftp://files.example.com/")));

        ex.Message.ShouldContain("ProxyTo needs an absolute http:// or https:// address without query, fragment or user name");
    }

    [Fact]
    public async Task A_later_ProxyTo_with_a_Uri_replaces_text_that_was_no_address()
    {
        await using var upstream = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" });

        await using var proxy = HttpFixtureServer.Start(o => o.ProxyTo("not an address").ProxyTo(upstream.BaseAddress));
        using var client = proxy.CreateClient();

        (await client.GetStringAsync("a.txt", TestContext.Current.CancellationToken)).ShouldBe("a");
    }
}
