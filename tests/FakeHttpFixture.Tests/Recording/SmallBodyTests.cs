using System.Net;

namespace FakeHttpFixture.Tests.Recording;

public sealed class SmallBodyTests
{
    [Fact]
    public async Task Small_bodies_sent_at_once_are_each_recorded_exactly_and_apart()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        var sizes = new[] { 1, 7, 100, 1024, 4095, 4096, 4097, 3000 };

        var sends = sizes.Select(async size =>
        {
            using var response = await client.PostAsync($"b/{size}", new ByteArrayContent(Enumerable.Repeat((byte)(size % 251), size).ToArray()));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        });
        await Task.WhenAll(sends);

        foreach (var size in sizes)
        {
            var r = server.Requests.Single(q => q.Path == $"/b/{size}");
            r.BodyLength.ShouldBe(size);
            r.Body.Length.ShouldBe(size);
            r.Body.ShouldAllBe(b => b == (byte)(size % 251));
            using var stream = r.OpenBody();
            stream.Length.ShouldBe(size);
            stream.CanWrite.ShouldBeFalse();
        }
    }

    [Fact]
    public async Task Changing_one_recorded_body_array_leaves_other_requests_untouched()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        using (await client.PostAsync("first", new ByteArrayContent("aaaa"u8.ToArray()))) { }
        using (await client.PostAsync("second", new ByteArrayContent("bbbb"u8.ToArray()))) { }
        var first = server.Requests[0];
        var second = server.Requests[1];

        Array.Fill(first.Body, (byte)'z');

        second.BodyText.ShouldBe("bbbb");
        using var reader = new StreamReader(second.OpenBody());
        (await reader.ReadToEndAsync(TestContext.Current.CancellationToken)).ShouldBe("bbbb");
    }
}
