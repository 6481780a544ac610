using System.Net;
using Microsoft.AspNetCore.Http;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Recording;

public sealed class ExchangeRecordingTests
{
    [Fact]
    public async Task Requests_on_one_kept_alive_connection_share_its_id_and_count_up()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        await client.GetAsync("a");
        await client.GetAsync("b");
        using var other = server.CreateClient();
        await other.GetAsync("c");

        var r = server.Requests;
        r[0].ConnectionId.ShouldNotBeNullOrEmpty();
        r[1].ConnectionId.ShouldBe(r[0].ConnectionId);
        r[2].ConnectionId.ShouldNotBe(r[0].ConnectionId);
        r.Select(x => x.ExchangeIndex).ShouldBe([0, 1, 0]);
        r[0].RemoteEndPoint.ShouldNotBeNull().Address.ShouldBe(IPAddress.Loopback);
        r[0].Scheme.ShouldBe("http");
        r[0].Host.ShouldBe($"127.0.0.1:{server.Port}");
    }

    [Fact]
    public async Task Raw_target_keeps_the_request_line_as_sent()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());

        await RawHttp.ExchangeAsync(server, "GET /caf%C3%A9/a%2Fb?q=%20x HTTP/1.1\r\nHost: example.test\r\nConnection: close\r\n\r\n");

        var r = server.Requests.ShouldHaveSingleItem();
        r.RawTarget.ShouldBe("/caf%C3%A9/a%2Fb?q=%20x");
        r.Path.ShouldBe("/café/a%2Fb");
        r.Host.ShouldBe("example.test");
    }

    [Fact]
    public async Task Response_status_headers_bytes_and_responder_of_a_file_are_recorded()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["data.json"] = """{"ok":true}""" });
        using var client = server.CreateClient();

        using var response = await client.GetAsync("data.json");

        // The size is final once the exchange completes, which may be a moment after the client has the whole body.
        var r = await server.WaitForCompletionAsync(server.Requests.ShouldHaveSingleItem());
        r.StatusCode.ShouldBe(200);
        r.AnsweredBy.ShouldBe(ResponseSource.File);
        r.ResponseBodyLength.ShouldBe(11);
        r.ResponseHeaders["Content-Type"].ShouldBe(["application/json"]);
        r.ResponseHeaders["content-length"].ShouldBe(["11"]);
    }

    [Fact]
    public async Task A_handler_that_changes_the_response_as_it_starts_is_recorded_as_sent()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/late").Respond(StubResponse.Handler(async context =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.StatusCode = 202;
                context.Response.Headers["X-Late"] = "set as the response started";
                return Task.CompletedTask;
            });
            await context.Response.WriteAsync("accepted", context.RequestAborted);
        }));
        using var client = server.CreateClient();

        using var response = await client.GetAsync("late", TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBe(202);
        var r = server.Requests.ShouldHaveSingleItem();
        r.StatusCode.ShouldBe(202);
        r.ResponseHeaders["X-Late"].ShouldBe(["set as the response started"]);
        r.ResponseBodyLength.ShouldBe(8);
    }

    [Theory]
    [InlineData("POST", "/created", 201)]
    [InlineData("GET", "/missing", 404)]
    public async Task A_response_without_a_body_is_recorded_with_its_status_and_headers(string method, string path, int status)
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Post, "/created").Respond(StubResponse.Status(201).WithHeader("Location", "/items/7"));
        using var client = server.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/')), TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBe(status);
        var r = server.Requests.ShouldHaveSingleItem();
        r.StatusCode.ShouldBe(status);
        r.ResponseBodyLength.ShouldBe(0);
        if (status == 201)
        {
            r.ResponseHeaders["Location"].ShouldBe(["/items/7"]);
        }
    }

    [Fact]
    public async Task A_served_file_from_disk_counts_its_bytes()
    {
        using var temp = new TempDirectory();
        temp.Write("page.html", new string('x', 70_000));
        await using var server = HttpFixtureServer.Start(temp.Path);
        using var client = server.CreateClient();

        (await client.GetByteArrayAsync("page.html")).Length.ShouldBe(70_000);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "page.html"));

        // A file sent from disk is counted once the send is done, which may be a moment after the client has it.
        (await server.WaitForCompletionAsync(server.Requests[0])).ResponseBodyLength.ShouldBe(70_000);
        server.Requests[1].ResponseBodyLength.ShouldBe(0);
        server.Requests[1].ResponseHeaders["Content-Length"].ShouldBe(["70000"]);
    }

    [Fact]
    public async Task OnRequestCompleted_sees_status_bytes_and_duration()
    {
        var completed = new TaskCompletionSource<(int Status, long Bytes, TimeSpan Duration, ResponseSource AnsweredBy)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = HttpFixtureServer.Start(
            new FileTree { ["a.txt"] = "hello" },
            o => o.OnRequestCompleted = r => completed.TrySetResult((r.StatusCode, r.ResponseBodyLength, r.Duration, r.AnsweredBy)));
        using var client = server.CreateClient();

        await client.GetStringAsync("a.txt");

        var seen = await completed.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        seen.Status.ShouldBe(200);
        seen.Bytes.ShouldBe(5);
        seen.Duration.ShouldBeGreaterThan(TimeSpan.Zero);
        seen.AnsweredBy.ShouldBe(ResponseSource.File);
    }

    [Fact]
    public async Task MaxRequestBodySize_records_the_request_as_Rejected()
    {
        var completed = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = HttpFixtureServer.Start(new FileTree(), o =>
        {
            o.MaxRequestBodySize = 1000;
            o.OnRequestCompleted = r => completed.TrySetResult(r);
        });
        using var client = server.CreateClient();

        using var response = await client.PostAsync("upload", new ByteArrayContent(new byte[5000]));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var r = server.Requests.ShouldHaveSingleItem();
        r.Rejected.ShouldBeTrue();
        r.Aborted.ShouldBeFalse();
        r.StatusCode.ShouldBe(413);
        (await completed.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)).ShouldBeSameAs(r);
    }

    [Fact]
    public async Task JournalSummary_lists_a_line_per_request_with_readable_sizes()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        await client.GetAsync("missing");
        await client.PutAsync("big", new ByteArrayContent(new byte[3 * 1024 * 1024 / 2]));

        server.JournalSummary().ShouldBe("#1 GET /missing → 404\n#2 PUT /big (1.5 MiB) → 200\n");
        server.ClearRequests();
        server.JournalSummary().ShouldBe("No requests received.");
    }
}
