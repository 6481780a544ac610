using System.Diagnostics;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Responses;

/// <summary>StubResponse.Hang never answers: the request waits until the client gives up or the server stops.</summary>
public sealed class HangTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(EveryTransport.All), MemberType = typeof(EveryTransport))]
    public async Task Hang_holds_until_the_client_gives_up_and_leaves_the_server_serving(Transport transport)
    {
        await using var fixture = TransportServer.Start(transport, new FileTree { ["ok.txt"] = "ok" });
        fixture.Server.Stub(HttpMethod.Get, "/slow").Respond(StubResponse.Hang());
        using var client = fixture.CreateClient();
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var call = client.GetAsync("slow", giveUp.Token);
        await fixture.Server.WaitForRequestAsync(timeout: Generous, cancellationToken: TestContext.Current.CancellationToken);
        call.IsCompleted.ShouldBeFalse();
        await giveUp.CancelAsync();
        await Should.ThrowAsync<TaskCanceledException>(() => call);

        var r = await fixture.NextCompletedAsync();
        fixture.ShouldHaveCarried(r);
        r.StatusCode.ShouldBe(0);
        r.Fault.ShouldBe(ResponseFault.Hang);
        r.ResponseAborted.ShouldBeTrue();
        r.ToString().ShouldBe("#1 GET /slow → no response [Hang]");
        var next = await fixture.ShouldAnswerAsync(client, "ok.txt", "ok");
        fixture.ShouldHaveBrokenOnlyTheStream(r, next);
    }

    [Theory]
    [MemberData(nameof(EveryTransport.All), MemberType = typeof(EveryTransport))]
    public async Task Dispose_ends_a_hang_at_once_and_records_it_with_no_status(Transport transport)
    {
        await using var fixture = TransportServer.Start(transport, configure: o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        fixture.Server.Stub(HttpMethod.Get, "/slow").Respond(StubResponse.Hang());
        using var client = fixture.CreateClient();
        var call = client.GetAsync("slow", TestContext.Current.CancellationToken);
        await fixture.Server.WaitForRequestAsync(timeout: Generous, cancellationToken: TestContext.Current.CancellationToken);

        var clock = Stopwatch.StartNew();
        await fixture.DisposeAsync().AsTask().WaitAsync(Generous, TestContext.Current.CancellationToken);

        // The grace period is 10 s: a prompt dispose shows the hang ended at once instead of being waited for.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        var ex = await Should.ThrowAsync<HttpRequestException>(() => call);
        ex.InnerException.ShouldBeAssignableTo<IOException>();
        var r = await fixture.NextCompletedAsync();
        fixture.ShouldHaveCarried(r);
        r.StatusCode.ShouldBe(0);
        r.Fault.ShouldBe(ResponseFault.Hang);
        r.ResponseAborted.ShouldBeTrue();
    }
}
