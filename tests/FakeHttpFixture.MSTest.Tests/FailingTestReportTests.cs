using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.MSTest.Tests;

[TestClass]
public sealed class FailingTestReportTests
{
    private const string Project = "tests/FailingProjects/MSTestFailing/MSTestFailing.csproj";
    private static ChildTestRun s_child = null!;

    [ClassInitialize]
    public static async Task RunFailingProject(TestContext context) => s_child = await ChildTestRun.RunAsync(Project);

    [TestMethod]
    public void Failing_test_has_the_journal_in_its_output() =>
        FailingProjectExpectations.FailedTestShowsTheJournal(s_child);

    [TestMethod]
    public void Failing_test_has_the_journal_attached_as_har() =>
        FailingProjectExpectations.FailedTestAttachesTheJournalAsHar(s_child).FileName.ShouldEndWith(".har");

    [TestMethod]
    public void Passing_test_has_no_journal_and_no_attachment() =>
        FailingProjectExpectations.PassedTestShowsNoJournalAndAttachesNothing(s_child);

    [TestMethod]
    public void Verification_failure_fails_a_test_that_passed_with_the_verification_message() =>
        FailingProjectExpectations.VerificationFailureFailsThePassedTest(s_child).Attachments.ShouldHaveSingleItem();

    [TestMethod]
    public Task Keep_on_failure_keeps_the_failed_tests_server_until_enter_in_a_terminal() =>
        KeepOnFailureExpectations.KeepsTheFailedTestsServerUntilEnterAsync(Project);
}
