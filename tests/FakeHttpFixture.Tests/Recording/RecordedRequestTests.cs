using System.Net;
using System.Net.Http.Json;
using System.Text;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Recording;

public sealed class RecordedRequestTests
{
    private sealed record Order(string Item, int Quantity);

    [Fact]
    public async Task Post_is_recorded_with_every_contract_member()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        var before = DateTimeOffset.UtcNow;
        using var message = new HttpRequestMessage(HttpMethod.Post, "orders/caf%C3%A9?x=1&y=%20")
        {
            Content = JsonContent.Create(new Order("book", 2)),
        };
        message.Headers.Add("X-Trace", ["a", "b"]);

        using var response = await client.SendAsync(message);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var r = server.Requests.ShouldHaveSingleItem();
        r.Sequence.ShouldBe(1);
        r.Timestamp.ShouldBeInRange(before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        r.Method.ShouldBe("POST");
        r.Path.ShouldBe("/orders/café");
        r.QueryString.ShouldBe("?x=1&y=%20");
        r.Url.ShouldBe(server.Url("orders/caf%C3%A9?x=1&y=%20"));
        r.Protocol.ShouldBe("HTTP/1.1");
        r.Headers["x-trace"].ShouldBe(["a, b"]);
        r.Header("X-TRACE").ShouldBe("a, b");
        r.Header("Content-Type").ShouldBe("application/json; charset=utf-8");
        r.Header("X-Missing").ShouldBeNull();
        r.Headers["Host"].ShouldBe([server.BaseAddress.Authority]);
        r.Headers.ContainsKey("X-Missing").ShouldBeFalse();
        r.Scheme.ShouldBe("http");
        r.Host.ShouldBe(server.BaseAddress.Authority);
        r.RawTarget.ShouldBe("/orders/caf%C3%A9?x=1&y=%20");

        // The body against the bytes the client sent, each member on its own: none is derived from another here.
        var sent = """{"item":"book","quantity":2}"""u8.ToArray();
        r.Body.ShouldBe(sent);
        r.BodyLength.ShouldBe(28);
        r.BodyText.ShouldBe("""{"item":"book","quantity":2}""");
        r.BodyJson<Order>().ShouldBe(new Order("book", 2));
        r.Parts.ShouldBeEmpty("a JSON body has no multipart parts");
        r.StatusCode.ShouldBe(200);
        r.AnsweredBy.ShouldBe(ResponseSource.Fallback);
        r.Aborted.ShouldBeFalse();
        r.Rejected.ShouldBeFalse();
        r.ResponseAborted.ShouldBeFalse();
        r.ToString().ShouldBe("#1 POST /orders/café?x=1&y=%20 (28 B) → 200");
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    [InlineData("PROPFIND")]
    public async Task Any_method_nothing_answers_is_recorded_and_answered_200_empty(string method)
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "thing") { Content = new StringContent("payload") });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        var r = server.Requests.ShouldHaveSingleItem();
        r.Method.ShouldBe(method);
        r.BodyText.ShouldBe("payload");
    }

    [Fact]
    public async Task FallbackStatusCode_sets_the_answer_for_unanswered_methods_but_not_for_missing_files()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.FallbackStatusCode = 202);
        using var client = server.CreateClient();

        (await client.PostAsync("x", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await client.GetAsync("x")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Body_text_is_decoded_by_the_request_charset()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        var latin1 = Encoding.Latin1.GetBytes("façade");
        using var content = new ByteArrayContent(latin1);
        content.Headers.ContentType = new("text/plain") { CharSet = "iso-8859-1" };

        await client.PostAsync("text", content);

        var r = server.Requests.ShouldHaveSingleItem();
        r.Body.ShouldBe(latin1);
        r.BodyText.ShouldBe("façade");
    }

    [Fact]
    public async Task Chunked_upload_from_a_raw_socket_is_recorded_byte_for_byte()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        var request =
            "POST /chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" +
            "5\r\nHello\r\n" + "1;ext=1\r\n,\r\n" + "7\r\n World!\r\n" + "0\r\n\r\n";

        var response = await RawHttp.ExchangeAsync(server, request);

        response.ShouldStartWith("HTTP/1.1 200 OK");
        var r = server.Requests.ShouldHaveSingleItem();
        r.BodyText.ShouldBe("Hello, World!");
        r.Header("Transfer-Encoding").ShouldBe("chunked");
    }

    [Fact]
    public async Task Upload_larger_than_kestrels_30_MB_default_is_recorded_whole()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        var body = new byte[40 * 1024 * 1024];
        new Random(3).NextBytes(body);

        using var response = await client.PutAsync("big.bin", new ByteArrayContent(body));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var r = server.Requests.ShouldHaveSingleItem();
        r.BodyLength.ShouldBe(body.Length);
        r.Body.AsSpan().SequenceEqual(body).ShouldBeTrue();
    }

    [Fact]
    public async Task MaxRequestBodySize_answers_413_and_records_the_refusal()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.MaxRequestBodySize = 1000);
        using var client = server.CreateClient();

        using var response = await client.PostAsync("upload", new ByteArrayContent(new byte[5000]));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        server.Requests.ShouldHaveSingleItem().StatusCode.ShouldBe(413);
        (await client.PostAsync("upload", new ByteArrayContent(new byte[500]))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Python_urllib_post_is_recorded()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["hello.txt"] = "hi from the fixture" });
        const string script = """
            import sys, urllib.request
            base = sys.argv[1]
            print(urllib.request.urlopen(base + "hello.txt").read().decode())
            req = urllib.request.Request(base + "submit", data=b"name=python&lang=3", method="POST",
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
            print(urllib.request.urlopen(req).status)
            """;

        var (exit, output, error) = await ExternalProcess.PythonAsync(script, server.BaseAddress.ToString());

        exit.ShouldBe(0, error);
        output.ShouldBe("hi from the fixture\n200\n");
        var post = await server.WaitForRequestAsync(r => r.Method == "POST");
        post.BodyText.ShouldBe("name=python&lang=3");
        post.Header("User-Agent").ShouldNotBeNull().ShouldStartWith("Python-urllib");
    }

    [Fact]
    public async Task Thirty_two_clients_posting_a_hundred_times_each_are_all_recorded_in_sequence()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());

        await Task.WhenAll(Enumerable.Range(0, 32).Select(c => Task.Run(async () =>
        {
            using var client = server.CreateClient();
            for (var i = 0; i < 100; i++)
            {
                using var response = await client.PostAsync("p", new StringContent($"{c}:{i}"));
                response.EnsureSuccessStatusCode();
            }
        })));

        var requests = server.Requests;
        requests.Count.ShouldBe(3200);
        requests.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, 3200).Select(i => (long)i));
        requests.Select(r => r.BodyText).Distinct().Count().ShouldBe(3200);
        for (var c = 0; c < 32; c++)
        {
            // Each client sends in order, so its bodies must appear in the journal in that order.
            var mine = requests.Where(r => r.BodyText.StartsWith($"{c}:", StringComparison.Ordinal)).Select(r => int.Parse(r.BodyText.AsSpan(r.BodyText.IndexOf(':') + 1), System.Globalization.CultureInfo.InvariantCulture));
            mine.ShouldBe(Enumerable.Range(0, 100));
        }
    }

    [Fact]
    public async Task ClearRequests_empties_the_journal_and_numbering_goes_on()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        await client.GetAsync("one");

        server.ClearRequests();
        server.Requests.ShouldBeEmpty();
        await client.GetAsync("two");

        server.Requests.ShouldHaveSingleItem().Sequence.ShouldBe(2);
    }
}
