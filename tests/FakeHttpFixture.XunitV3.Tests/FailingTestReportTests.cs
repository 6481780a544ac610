using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.XunitV3.Tests;

public sealed class FailingTestReportTests(FailingProjectRun child) : IClassFixture<FailingProjectRun>
{
    private const string Project = FailingProjectRun.Project;

    [Fact]
    public void Failing_test_has_the_journal_in_its_output() =>
        FailingProjectExpectations.FailedTestShowsTheJournal(child.Run);

    [Fact]
    public void Failing_test_has_the_journal_attached_as_har() =>
        FailingProjectExpectations.FailedTestAttachesTheJournalAsHar(child.Run)
            .FileName.ShouldBe("FakeHttpFixture-journal.har.json"); // the runner adds the extension of the media type

    [Fact]
    public void Passing_test_has_no_journal_and_no_attachment() =>
        FailingProjectExpectations.PassedTestShowsNoJournalAndAttachesNothing(child.Run);

    [Fact]
    public void Verification_failure_fails_a_test_that_passed_with_the_verification_message() =>
        FailingProjectExpectations.VerificationFailureFailsThePassedTest(child.Run).Attachments.ShouldHaveSingleItem();

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
