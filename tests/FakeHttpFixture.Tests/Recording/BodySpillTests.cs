using System.Net;
using System.Security.Cryptography;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Recording;

public sealed class BodySpillTests
{
    private const int Threshold = 64 * 1024;

    [Theory]
    [InlineData(Threshold - 1, false)]
    [InlineData(Threshold, false)]
    [InlineData(Threshold + 1, true)]
    [InlineData(64 * 1024 * 1024, true)]
    public async Task Body_at_each_side_of_the_threshold_is_recorded_byte_for_byte(int size, bool spilled)
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.BodyMemoryThreshold = Threshold);
        using var client = server.CreateClient();
        var body = RandomBytes(size, seed: size);

        using var response = await client.PutAsync("up.bin", new ByteArrayContent(body));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var r = server.Requests.ShouldHaveSingleItem();
        r.BodySpilled.ShouldBe(spilled);
        r.BodyLength.ShouldBe(size);
        using (var stream = r.OpenBody())
        {
            Convert.ToHexString(await SHA256.HashDataAsync(stream, TestContext.Current.CancellationToken)).ShouldBe(Convert.ToHexString(SHA256.HashData(body)));
        }

        Convert.ToHexString(SHA256.HashData(r.Body)).ShouldBe(Convert.ToHexString(SHA256.HashData(body)));
    }

    [Fact]
    public async Task Chunked_body_without_a_length_spills_past_the_threshold_and_stays_exact()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.BodyMemoryThreshold = Threshold);
        using var client = server.CreateClient();
        var body = RandomBytes(5 * Threshold + 17, seed: 5);
        using var content = new StreamContent(new MemoryStream(body), 1000);
        content.Headers.ContentLength = null;
        using var message = new HttpRequestMessage(HttpMethod.Post, "chunked") { Content = content };
        message.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(message);

        var r = server.Requests.ShouldHaveSingleItem();
        r.Header("Transfer-Encoding").ShouldBe("chunked");
        r.BodySpilled.ShouldBeTrue();
        r.Body.ShouldBe(body);
    }

    [Fact]
    public async Task Body_under_the_threshold_stays_in_memory_and_makes_no_temp_file()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();

        await client.PostAsync("small", new ByteArrayContent(RandomBytes(1000, 1)));

        server.Requests.ShouldHaveSingleItem().BodySpilled.ShouldBeFalse();
        server.SpillDirectory.ShouldBeNull();
    }

    [Fact]
    public async Task Spilled_bodies_are_deleted_on_dispose_and_say_so_when_read_afterwards()
    {
        var server = HttpFixtureServer.Start(new FileTree(), o => o.BodyMemoryThreshold = 1024);
        using (var client = server.CreateClient())
        {
            await client.PostAsync("a", new ByteArrayContent(RandomBytes(4096, 2)));
            await client.PostAsync("b", new ByteArrayContent(RandomBytes(8192, 3)));
        }

        var spill = server.SpillDirectory.ShouldNotBeNull();
        Directory.GetFiles(spill).Length.ShouldBe(2);
        var read = server.Requests[0];
        read.Body.Length.ShouldBe(4096);

        await server.DisposeAsync();

        Directory.Exists(spill).ShouldBeFalse();
        read.Body.Length.ShouldBe(4096);
        server.Requests[1].BodyLength.ShouldBe(8192);
        var error = Should.Throw<ObjectDisposedException>(() => server.Requests[1].OpenBody());
        error.Message.ShouldContain("deleted when the server was disposed");
    }

    [Fact]
    public async Task BodyJson_reads_a_spilled_body()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.BodyMemoryThreshold = 16);
        using var client = server.CreateClient();

        await client.PostAsync("json", new StringContent("""{"name":"a long enough value","count":3}""", System.Text.Encoding.UTF8, "application/json"));

        var r = server.Requests.ShouldHaveSingleItem();
        r.BodySpilled.ShouldBeTrue();
        r.BodyJson<Dictionary<string, object>>().ShouldNotBeNull().Keys.ShouldBe(["name", "count"]);
    }

    [Fact]
    public void BodyMemoryThreshold_refuses_a_negative_value()
    {
        var error = Should.Throw<ArgumentException>(() => HttpFixtureServer.Start(new FileTree(), o => o.BodyMemoryThreshold = -1));
        error.Message.ShouldContain("BodyMemoryThreshold must be zero or more");
    }

    [Fact]
    public async Task Curl_upload_of_a_file_over_the_threshold_is_recorded_exactly()
    {
        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "upload.bin");
        var body = RandomBytes(3 * 1024 * 1024 + 5, 9);
        await File.WriteAllBytesAsync(file, body, TestContext.Current.CancellationToken);
        await using var server = HttpFixtureServer.Start(new FileTree());

        var (exit, _, error) = await ExternalProcess.RunAsync("curl", "-sS", "-T", file, server.Url("dest.bin").ToString());

        exit.ShouldBe(0, error);
        var r = server.Requests.ShouldHaveSingleItem();
        r.Method.ShouldBe("PUT");
        r.BodySpilled.ShouldBeTrue();
        SHA256.HashData(r.Body).ShouldBe(SHA256.HashData(body));
    }

    internal static byte[] RandomBytes(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
