using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.NUnit.Tests;

public sealed class FailingTestReportTests
{
    private const string Project = "tests/FailingProjects/NUnitFailing/NUnitFailing.csproj";
    private ChildTestRun _child = null!;

    [OneTimeSetUp]
    public async Task RunFailingProject() => _child = await ChildTestRun.RunAsync(Project);

    [Test]
    public void Failing_test_has_the_journal_in_its_output() =>
        FailingProjectExpectations.FailedTestShowsTheJournal(_child);

    [Test]
    public void Failing_test_has_the_journal_attached_as_har() =>
        FailingProjectExpectations.FailedTestAttachesTheJournalAsHar(_child).FileName.ShouldEndWith(".har");

    [Test]
    public void Passing_test_has_no_journal_and_no_attachment() =>
        FailingProjectExpectations.PassedTestShowsNoJournalAndAttachesNothing(_child);

    [Test]
    public void Verification_failure_fails_a_test_that_passed_with_the_verification_message() =>
        FailingProjectExpectations.VerificationFailureFailsThePassedTest(_child).Attachments.ShouldHaveSingleItem();

    [Test]
    public Task Keep_on_failure_keeps_the_failed_tests_server_until_enter_in_a_terminal() =>
        KeepOnFailureExpectations.KeepsTheFailedTestsServerUntilEnterAsync(Project);
}
