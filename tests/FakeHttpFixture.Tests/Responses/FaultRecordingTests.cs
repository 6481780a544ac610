using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture.Tests.Responses;

/// <summary>What the journal says about an exchange a fault (or the client) broke: the truth, not the default 200.</summary>
public sealed class FaultRecordingTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Reset_connection_is_recorded_with_no_status_and_its_fault()
    {
        var (server, completed) = StartRecording();
        await using var _ = server;
        server.Stub(HttpMethod.Get, "/reset").Respond(StubResponse.ResetConnection());
        using var client = server.CreateClient();

        await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("reset", TestContext.Current.CancellationToken));

        var r = await NextCompletedAsync(completed);
        r.StatusCode.ShouldBe(0);
        r.Fault.ShouldBe(ResponseFault.ResetConnection);
        r.ResponseAborted.ShouldBeTrue();
        r.ResponseHeaders.ShouldBeEmpty();
        r.Aborted.ShouldBeFalse();
        r.ToString().ShouldBe("#1 GET /reset → no response [ResetConnection]");
    }

    [Fact]
    public async Task Malformed_status_line_is_recorded_with_no_status_and_its_fault()
    {
        var (server, completed) = StartRecording();
        await using var _ = server;
        server.Enqueue(StubResponse.MalformedStatusLine());
        using var client = server.CreateClient();

        await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("garbage", TestContext.Current.CancellationToken));

        var r = await NextCompletedAsync(completed);
        r.StatusCode.ShouldBe(0);
        r.Fault.ShouldBe(ResponseFault.MalformedStatusLine);
        r.ResponseAborted.ShouldBeTrue();
    }

    [Fact]
    public async Task Http2_stream_reset_is_recorded_with_no_status_and_its_fault()
    {
        var (server, completed) = StartRecording(o => o.Http2Cleartext = true);
        await using var _ = server;
        server.Stub(HttpMethod.Get, "/reset").Respond(StubResponse.ResetStream());
        using var client = server.CreateClient();

        await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("reset", TestContext.Current.CancellationToken));

        var r = await NextCompletedAsync(completed);
        r.Protocol.ShouldBe("HTTP/2");
        r.StatusCode.ShouldBe(0);
        r.Fault.ShouldBe(ResponseFault.ResetStream);
        r.ResponseAborted.ShouldBeTrue();
    }

    [Fact]
    public async Task Hang_the_client_gave_up_on_is_recorded_with_no_status_and_its_fault()
    {
        var (server, completed) = StartRecording();
        await using var _ = server;
        server.Enqueue(StubResponse.Hang());
        using var client = server.CreateClient();
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var call = client.GetAsync("slow", giveUp.Token);
        await server.WaitForRequestAsync(timeout: Generous, cancellationToken: TestContext.Current.CancellationToken);
        await giveUp.CancelAsync();
        await Should.ThrowAsync<TaskCanceledException>(() => call);

        var r = await NextCompletedAsync(completed);
        r.StatusCode.ShouldBe(0);
        r.Fault.ShouldBe(ResponseFault.Hang);
        r.ResponseAborted.ShouldBeTrue();
    }

    [Fact]
    public async Task Hang_ended_by_dispose_is_recorded_with_no_status()
    {
        var (server, _) = StartRecording();
        server.Enqueue(StubResponse.Hang());
        using var client = server.CreateClient();

        var call = client.GetAsync("slow", TestContext.Current.CancellationToken);
        var r = await server.WaitForRequestAsync(timeout: Generous, cancellationToken: TestContext.Current.CancellationToken);
        await server.DisposeAsync();
        await Should.ThrowAsync<HttpRequestException>(() => call);

        r.StatusCode.ShouldBe(0);
        r.Fault.ShouldBe(ResponseFault.Hang);
        r.ResponseAborted.ShouldBeTrue();
    }

    [Fact]
    public async Task Close_after_headers_is_recorded_with_the_status_sent_and_its_fault()
    {
        var (server, completed) = StartRecording();
        await using var _ = server;
        server.Stub(HttpMethod.Get, "/half").Respond(StubResponse.Text("never sent").WithStatus(206).CloseAfterHeaders());
        using var client = server.CreateClient();

        using var response = await client.GetAsync("half", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        await Should.ThrowAsync<HttpRequestException>(() => response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var r = await NextCompletedAsync(completed);
        r.StatusCode.ShouldBe(206);
        r.ResponseHeaders["Content-Length"].ShouldBe(["10"]);
        r.ResponseBodyLength.ShouldBe(0);
        r.Fault.ShouldBe(ResponseFault.CloseAfterHeaders);
        r.ResponseAborted.ShouldBeTrue();
        r.ToString().ShouldBe("#1 GET /half → 206 [CloseAfterHeaders]");
    }

    [Fact]
    public async Task Truncated_body_is_recorded_with_the_status_and_the_bytes_sent()
    {
        var (server, completed) = StartRecording();
        await using var _ = server;
        server.Stub(HttpMethod.Get, "/file.bin").Respond(StubResponse.Bytes(new byte[1000]).TruncateAfter(300));
        using var client = server.CreateClient();

        await Should.ThrowAsync<HttpRequestException>(() => client.GetByteArrayAsync("file.bin", TestContext.Current.CancellationToken));

        var r = await NextCompletedAsync(completed);
        r.StatusCode.ShouldBe(200);
        r.ResponseBodyLength.ShouldBe(300);
        r.Fault.ShouldBe(ResponseFault.TruncateAfter);
        r.ResponseAborted.ShouldBeTrue();
    }

    [Fact]
    public async Task Truncate_after_zero_bytes_still_records_the_headers_that_went_out()
    {
        var (server, completed) = StartRecording();
        await using var _ = server;
        server.Enqueue(StubResponse.Bytes(new byte[10]).TruncateAfter(0));
        using var client = server.CreateClient();

        using var response = await client.GetAsync("file.bin", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var r = await NextCompletedAsync(completed);
        r.StatusCode.ShouldBe(200);
        r.ResponseBodyLength.ShouldBe(0);
        r.Fault.ShouldBe(ResponseFault.TruncateAfter);
    }

    [Fact]
    public async Task A_client_that_gives_up_before_the_answer_is_recorded_with_no_response()
    {
        var (server, completed) = StartRecording();
        await using var _ = server;
        server.Enqueue(StubResponse.Text("too late").WithDelay(TimeSpan.FromMinutes(5)));
        using var client = server.CreateClient();
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var call = client.GetAsync("slow", giveUp.Token);
        await server.WaitForRequestAsync(timeout: Generous, cancellationToken: TestContext.Current.CancellationToken);
        await giveUp.CancelAsync();
        await Should.ThrowAsync<TaskCanceledException>(() => call);

        var r = await NextCompletedAsync(completed);
        r.StatusCode.ShouldBe(0);
        r.Fault.ShouldBe(ResponseFault.None);
        r.ResponseAborted.ShouldBeTrue();
        r.ToString().ShouldBe("#1 GET /slow → no response [response aborted]");
    }

    [Fact]
    public async Task A_handler_failing_after_the_headers_is_recorded_as_a_broken_response()
    {
        var (server, completed) = StartRecording();
        await using var _ = server;
        server.Enqueue(StubResponse.Handler(async context =>
        {
            context.Response.ContentLength = 100;
            await context.Response.WriteAsync("partial", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            throw new InvalidOperationException("The handler broke.");
        }));
        using var client = server.CreateClient();

        await Should.ThrowAsync<HttpRequestException>(() => client.GetStringAsync("h", TestContext.Current.CancellationToken));

        var r = await NextCompletedAsync(completed);
        r.StatusCode.ShouldBe(200);
        r.Fault.ShouldBe(ResponseFault.None);
        r.ResponseAborted.ShouldBeTrue();
        Should.Throw<HttpFixtureVerificationException>(server.Verify);
    }

    [Fact]
    public async Task A_handler_that_aborts_the_connection_is_recorded_with_no_response()
    {
        var (server, completed) = StartRecording();
        await using var _ = server;
        server.Enqueue(StubResponse.Handler(context =>
        {
            context.Response.StatusCode = 202;
            context.Abort();
            return Task.CompletedTask;
        }));
        using var client = server.CreateClient();

        await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("abort", TestContext.Current.CancellationToken));

        var r = await NextCompletedAsync(completed);
        r.StatusCode.ShouldBe(0);
        r.Fault.ShouldBe(ResponseFault.None);
        r.ResponseAborted.ShouldBeTrue();
    }

    [Fact]
    public async Task Har_export_shows_a_fault_as_status_0_with_a_comment()
    {
        var (server, completed) = StartRecording();
        await using var _ = server;
        server.Enqueue(StubResponse.ResetConnection());
        using var client = server.CreateClient();
        await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("reset", TestContext.Current.CancellationToken));
        await NextCompletedAsync(completed);
        using var temp = new FakeHttpFixture.Tests.Support.TempDirectory();
        var har = System.IO.Path.Combine(temp.Path, "journal.har");

        server.SaveHar(har);

        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(har, TestContext.Current.CancellationToken));
        var response = json.RootElement.GetProperty("log").GetProperty("entries")[0].GetProperty("response");
        response.GetProperty("status").GetInt32().ShouldBe(0);
        response.GetProperty("comment").GetString().ShouldBe("The response was broken off by the fault ResetConnection.");
    }

    [Fact]
    public async Task A_whole_response_is_not_marked_as_broken()
    {
        var (server, completed) = StartRecording(files: new FileTree { ["a.txt"] = "hello" });
        await using var _ = server;
        using var client = server.CreateClient();

        (await client.GetStringAsync("a.txt", TestContext.Current.CancellationToken)).ShouldBe("hello");

        var r = await NextCompletedAsync(completed);
        r.StatusCode.ShouldBe(200);
        r.Fault.ShouldBe(ResponseFault.None);
        r.ResponseAborted.ShouldBeFalse();
        r.ToString().ShouldBe("#1 GET /a.txt → 200");
    }

    private static (HttpFixtureServer Server, Channel<RecordedRequest> Completed) StartRecording(Action<HttpFixtureOptions>? configure = null, FileTree? files = null)
    {
        var completed = Channel.CreateUnbounded<RecordedRequest>();
        var server = HttpFixtureServer.Start(files ?? new FileTree(), o =>
        {
            o.OnRequestCompleted = r => completed.Writer.TryWrite(r);
            configure?.Invoke(o);
        });
        return (server, completed);
    }

    // The exchange's record is final once the server has finished with it, which OnRequestCompleted reports.
    private static async Task<RecordedRequest> NextCompletedAsync(Channel<RecordedRequest> completed) =>
        await completed.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Generous, TestContext.Current.CancellationToken);
}
