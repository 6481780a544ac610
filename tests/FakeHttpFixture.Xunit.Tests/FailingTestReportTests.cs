using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.Xunit.Tests;

public sealed class FailingProjectRun : IAsyncLifetime
{
    public ChildTestRun Run { get; private set; } = null!;

    public async Task InitializeAsync() => Run = await ChildTestRun.RunAsync("tests/FailingProjects/XunitFailing/XunitFailing.csproj");

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class FailingTestReportTests(FailingProjectRun child) : IClassFixture<FailingProjectRun>
{
    [Fact]
    public void Failing_test_has_the_journal_in_its_output()
    {
        var result = child.Run.Result("Fails_after_two_requests");

        result.Outcome.ShouldBe("Failed");
        result.Message.ShouldContain("The greeting was not what the test expected.");
        result.StdOut.ShouldContain("FakeHttpFixture journal of http://127.0.0.1:");
        result.StdOut.ShouldContain("#1 GET /missing.txt → 404");
        result.StdOut.ShouldContain("#2 GET /hello.txt → 200");
    }

    [Fact]
    public void Passing_test_passes_and_its_journal_is_kept_in_the_output()
    {
        var result = child.Run.Result("Passes_after_one_request");

        result.Outcome.ShouldBe("Passed");
        result.StdOut.ShouldContain("#1 GET /hello.txt → 200");
    }

    [Fact]
    public void Verification_failure_fails_a_test_that_passed_with_the_verification_message()
    {
        var result = child.Run.Result("Leaves_a_request_unanswered_in_strict_mode");

        result.Outcome.ShouldBe("Failed");
        result.Message.ShouldContain("HttpFixtureVerificationException");
        result.Message.ShouldContain("/unanswered");
        result.StdOut.ShouldContain("#1 GET /unanswered");
    }
}
