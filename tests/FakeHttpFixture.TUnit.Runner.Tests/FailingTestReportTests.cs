using System.Text.Json;
using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.TUnit.Runner.Tests;

public sealed class FailingTestReportTests(FailingProjectRun child) : IClassFixture<FailingProjectRun>
{
    private const string Project = FailingProjectRun.Project;

    [Fact]
    public void Failing_test_has_the_journal_in_its_output() =>
        FailingProjectExpectations.FailedTestShowsTheJournal(child.Run);

    [Fact]
    public void Failing_test_has_the_journal_attached_as_a_har_artifact() =>
        FailingProjectExpectations.FailedTestAttachesTheJournalAsHar(child.Run)
            .FileName.ShouldEndWith(".har");

    [Fact]
    public void Passing_test_has_no_journal_and_no_artifact() =>
        FailingProjectExpectations.PassedTestShowsNoJournalAndAttachesNothing(child.Run);

    [Fact]
    public void Verification_failure_fails_a_test_that_passed_with_the_verification_message() =>
        FailingProjectExpectations.VerificationFailureFailsThePassedTest(child.Run, "The fixture server found a problem")
            .Attachments.ShouldHaveSingleItem();

    [Fact]
    public void Failed_test_on_a_shared_server_shows_only_its_own_requests()
    {
        var result = child.Run.Result("Fails_beside_a_busy_neighbour");

        result.Outcome.ShouldBe("Failed");
        result.Message.ShouldContain("This test failed on purpose, beside a neighbour on the same server.");
        result.StdOut.ShouldContain("GET /mine → 501");
        result.StdOut.ShouldNotContain("/theirs →");
        using var har = JsonDocument.Parse(result.Attachments.ShouldHaveSingleItem().Content);
        har.RootElement.GetProperty("log").GetProperty("entries").EnumerateArray()
            .Select(e => e.GetProperty("request").GetProperty("url").GetString()).ShouldHaveSingleItem().ShouldEndWith("/mine");
    }

    [Fact]
    public void Neighbours_unanswered_request_does_not_fail_a_test_on_the_same_strict_server()
    {
        var result = child.Run.Result("Passes_beside_a_failing_neighbour");

        result.Outcome.ShouldBe("Passed");
        result.StdOut.ShouldNotContain("FakeHttpFixture journal");
        result.Attachments.ShouldBeEmpty();
    }

    [Fact]
    public Task Keep_on_failure_keeps_the_failed_tests_server_until_enter_in_a_terminal() =>
        KeepOnFailureExpectations.KeepsTheFailedTestsServerUntilEnterAsync(Project);

    [Fact]
    public Task Keep_on_failure_never_waits_under_ci() =>
        KeepOnFailureExpectations.NeverWaitsUnderCiAsync(Project);

    [Fact]
    public Task Keep_on_failure_waits_under_ci_when_forced() =>
        KeepOnFailureExpectations.WaitsUnderCiWhenForcedAsync(Project);
}
