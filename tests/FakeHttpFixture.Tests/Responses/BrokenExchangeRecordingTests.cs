using Microsoft.AspNetCore.Http;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Responses;

/// <summary>
/// What the journal says about an exchange that the client or a handler broke rather than a scripted fault: the truth, not the default 200.
/// Each scripted fault's own record is checked in its theory (ResetConnectionTests, HangTests, ...).
/// </summary>
public sealed class BrokenExchangeRecordingTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(EveryTransport.All), MemberType = typeof(EveryTransport))]
    public async Task A_client_that_gives_up_before_the_answer_is_recorded_with_no_response(Transport transport)
    {
        await using var fixture = TransportServer.Start(transport);
        fixture.Server.Enqueue(StubResponse.Text("too late").WithDelay(TimeSpan.FromMinutes(5)));
        using var client = fixture.CreateClient();
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var call = client.GetAsync("slow", giveUp.Token);
        await fixture.Server.WaitForRequestAsync(timeout: Generous, cancellationToken: TestContext.Current.CancellationToken);
        await giveUp.CancelAsync();
        await Should.ThrowAsync<TaskCanceledException>(() => call);

        var r = await fixture.NextCompletedAsync();
        fixture.ShouldHaveCarried(r);
        r.StatusCode.ShouldBe(0);
        r.Fault.ShouldBe(ResponseFault.None);
        r.ResponseAborted.ShouldBeTrue();
        r.ToString().ShouldBe("#1 GET /slow → no response [response aborted]");
    }

    [Theory]
    [MemberData(nameof(EveryTransport.All), MemberType = typeof(EveryTransport))]
    public async Task A_handler_failing_after_the_headers_is_recorded_as_a_broken_response(Transport transport)
    {
        await using var fixture = TransportServer.Start(transport);
        fixture.Server.Enqueue(StubResponse.Handler(async context =>
        {
            context.Response.ContentLength = 100;
            await context.Response.WriteAsync("partial", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            throw new InvalidOperationException("The handler broke.");
        }));
        using var client = fixture.CreateClient();

        await Should.ThrowAsync<HttpRequestException>(() => client.GetStringAsync("h", TestContext.Current.CancellationToken));

        var r = await fixture.NextCompletedAsync();
        fixture.ShouldHaveCarried(r);
        r.StatusCode.ShouldBe(200);
        r.Fault.ShouldBe(ResponseFault.None);
        r.ResponseAborted.ShouldBeTrue();
        Should.Throw<HttpFixtureVerificationException>(fixture.Server.Verify);
    }

    [Theory]
    [MemberData(nameof(EveryTransport.All), MemberType = typeof(EveryTransport))]
    public async Task A_handler_that_aborts_the_connection_is_recorded_with_no_response(Transport transport)
    {
        await using var fixture = TransportServer.Start(transport);
        fixture.Server.Enqueue(StubResponse.Handler(context =>
        {
            context.Response.StatusCode = 202;
            context.Abort();
            return Task.CompletedTask;
        }));
        using var client = fixture.CreateClient();

        await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("abort", TestContext.Current.CancellationToken));

        var r = await fixture.NextCompletedAsync();
        fixture.ShouldHaveCarried(r);
        r.StatusCode.ShouldBe(0);
        r.Fault.ShouldBe(ResponseFault.None);
        r.ResponseAborted.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(EveryTransport.All), MemberType = typeof(EveryTransport))]
    public async Task Har_export_shows_a_fault_as_status_0_with_a_comment(Transport transport)
    {
        await using var fixture = TransportServer.Start(transport);
        fixture.Server.Enqueue(StubResponse.ResetConnection());
        using var client = fixture.CreateClient();
        await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("reset", TestContext.Current.CancellationToken));
        await fixture.NextCompletedAsync();
        using var temp = new TempDirectory();
        var har = System.IO.Path.Combine(temp.Path, "journal.har");

        fixture.Server.SaveHar(har);

        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(har, TestContext.Current.CancellationToken));
        var response = json.RootElement.GetProperty("log").GetProperty("entries")[0].GetProperty("response");
        response.GetProperty("status").GetInt32().ShouldBe(0);
        response.GetProperty("comment").GetString().ShouldBe("The response was broken off by the fault ResetConnection.");
    }

    [Theory]
    [MemberData(nameof(EveryTransport.All), MemberType = typeof(EveryTransport))]
    public async Task A_whole_response_is_not_marked_as_broken(Transport transport)
    {
        await using var fixture = TransportServer.Start(transport, new FileTree { ["a.txt"] = "hello" });
        using var client = fixture.CreateClient();

        await fixture.ShouldAnswerAsync(client, "a.txt", "hello");

        var r = await fixture.NextCompletedAsync();
        fixture.ShouldHaveCarried(r);
        r.StatusCode.ShouldBe(200);
        r.Fault.ShouldBe(ResponseFault.None);
        r.ResponseAborted.ShouldBeFalse();
        r.ToString().ShouldBe("#1 GET /a.txt → 200");
    }
}
