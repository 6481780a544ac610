using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.Xunit.Tests;

// xunit v2 cannot tell the adapter a test's outcome and has no attachments: the journal goes to the output of every test.
public sealed class FailingTestReportTests(FailingProjectRun child) : IClassFixture<FailingProjectRun>
{
    [Fact]
    public void Failing_test_has_the_journal_in_its_output() =>
        FailingProjectExpectations.FailedTestShowsTheJournal(child.Run);

    [Fact]
    public void Passing_test_passes_and_its_journal_is_kept_in_the_output() =>
        FailingProjectExpectations.PassedTestKeepsTheJournalInItsOutput(child.Run);

    [Fact]
    public void Verification_failure_fails_a_test_that_passed_with_the_verification_message() =>
        FailingProjectExpectations.VerificationFailureFailsThePassedTest(child.Run);

    // The run holds only the failing test: xunit v2 keeps the server of every test it runs, not knowing which failed.
    [Fact]
    public Task Keep_on_failure_keeps_the_failed_tests_server_until_enter_in_a_terminal() =>
        KeepOnFailureExpectations.KeepsTheFailedTestsServerUntilEnterAsync(FailingProjectRun.Project);
}
