using System.Diagnostics;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Responses;

/// <summary>A fault with WithDelay plays after the delay, so a client's own timeout can be tested against it.</summary>
public sealed class DelayedFaultTests
{
    [Theory]
    [MemberData(nameof(EveryTransport.All), MemberType = typeof(EveryTransport))]
    public async Task A_fault_after_a_delay_lets_a_client_timeout_be_tested_against_a_reset(Transport transport)
    {
        await using var fixture = TransportServer.Start(transport);
        fixture.Server.Stub(HttpMethod.Get, "/late-reset").Respond(StubResponse.ResetConnection().WithDelay(TimeSpan.FromMilliseconds(200)));
        using var client = fixture.CreateClient();

        // The delay is what is tested: the reset must not come before it.
        var clock = Stopwatch.StartNew();
        await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("late-reset", TestContext.Current.CancellationToken));

        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(150));
        var r = await fixture.NextCompletedAsync();
        fixture.ShouldHaveCarried(r);
        r.StatusCode.ShouldBe(0);
        r.Fault.ShouldBe(ResponseFault.ResetConnection);
        r.ResponseAborted.ShouldBeTrue();
    }
}
