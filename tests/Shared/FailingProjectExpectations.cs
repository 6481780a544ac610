using System.Text.Json;

namespace FakeHttpFixture.AdapterTests;

/// <summary>
/// What each deliberately failing project (tests/FailingProjects) must show in its framework's own report, read from a
/// <see cref="ChildTestRun"/>. The test names, texts and requests here are the ones every one of those projects uses.
/// </summary>
public static class FailingProjectExpectations
{
    private const string FailingTest = "Fails_after_two_requests";
    private const string PassingTest = "Passes_after_one_request";
    private const string StrictTest = "Leaves_a_request_unanswered_in_strict_mode";

    /// <summary>The test that failed its own assertion failed with its message, and its output holds the journal.</summary>
    public static void FailedTestShowsTheJournal(ChildTestRun run)
    {
        var result = run.Result(FailingTest);

        result.Outcome.ShouldBe("Failed");
        result.Message.ShouldContain("The greeting was not what the test expected.");
        result.StdOut.ShouldContain("FakeHttpFixture journal of http://127.0.0.1:");
        result.StdOut.ShouldContain("#1 GET /missing.txt → 404");
        result.StdOut.ShouldContain("#2 GET /hello.txt → 200");
        result.StdOut.ShouldContain("""
            FakeHttpFixture miss report: #1 GET /missing.txt matched no stub or file and was answered 404.
            No stubs are set up.
            """.ReplaceLineEndings());
    }

    /// <summary>
    /// The failed test has one attachment, a HAR of its two requests in order; returned so that the caller can check the file
    /// name its framework gives it.
    /// </summary>
    public static ChildAttachment FailedTestAttachesTheJournalAsHar(ChildTestRun run)
    {
        var har = run.Result(FailingTest).Attachments.ShouldHaveSingleItem();

        using var json = JsonDocument.Parse(har.Content);
        var urls = json.RootElement.GetProperty("log").GetProperty("entries").EnumerateArray()
            .Select(e => e.GetProperty("request").GetProperty("url").GetString()).ToList();
        urls.Count.ShouldBe(2);
        urls[0].ShouldEndWith("/missing.txt");
        urls[1].ShouldEndWith("/hello.txt");
        return har;
    }

    /// <summary>The passing test passed, with no journal in its output and nothing attached.</summary>
    public static void PassedTestShowsNoJournalAndAttachesNothing(ChildTestRun run)
    {
        var result = run.Result(PassingTest);

        result.Outcome.ShouldBe("Passed");
        result.StdOut.ShouldNotContain("FakeHttpFixture journal");
        result.Attachments.ShouldBeEmpty();
    }

    /// <summary>The passing test passed, and its output keeps the journal (for a framework that cannot tell a test's outcome).</summary>
    public static void PassedTestKeepsTheJournalInItsOutput(ChildTestRun run)
    {
        var result = run.Result(PassingTest);

        result.Outcome.ShouldBe("Passed");
        result.StdOut.ShouldContain("#1 GET /hello.txt → 200");
    }

    /// <summary>
    /// The test whose own code passed but whose strict server went unanswered failed with the verification message, which
    /// carries the miss report, and its output holds the journal and the same report; returned so that the caller can check
    /// what its framework attached. A framework that reports the message without the exception's type (TUnit) passes the
    /// message's own first words as <paramref name="failureMark"/>.
    /// </summary>
    public static ChildTestResult VerificationFailureFailsThePassedTest(ChildTestRun run, string failureMark = "HttpFixtureVerificationException")
    {
        var result = run.Result(StrictTest);
        const string Report = """
            #1 GET /unanswered matched no stub or file and was answered 501.
            The only stub:
              1. GET /unanswered
                 ✓ method GET
                 ✓ path /unanswered
                 ✗ header X-Tenant: expected "acme", not sent
            """;

        result.Outcome.ShouldBe("Failed");
        result.Message.ShouldContain(failureMark);
        result.Message.ReplaceLineEndings().ShouldContain(Report.ReplaceLineEndings());
        result.StdOut.ShouldContain("#1 GET /unanswered → 501");
        result.StdOut.ShouldContain("FakeHttpFixture miss report: " + Report.ReplaceLineEndings());
        return result;
    }
}
