using System.Text.Json;
using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.MSTest.Tests;

[TestClass]
public sealed class FailingTestReportTests
{
    private static ChildTestRun s_child = null!;

    [ClassInitialize]
    public static async Task RunFailingProject(TestContext context) => s_child = await ChildTestRun.RunAsync("tests/FailingProjects/MSTestFailing/MSTestFailing.csproj");

    [TestMethod]
    public void Failing_test_has_the_journal_in_its_output()
    {
        var result = s_child.Result("Fails_after_two_requests");

        result.Outcome.ShouldBe("Failed");
        result.Message.ShouldContain("The greeting was not what the test expected.");
        result.StdOut.ShouldContain("FakeHttpFixture journal of http://127.0.0.1:");
        result.StdOut.ShouldContain("#1 GET /missing.txt → 404");
        result.StdOut.ShouldContain("#2 GET /hello.txt → 200");
    }

    [TestMethod]
    public void Failing_test_has_the_journal_attached_as_har()
    {
        var result = s_child.Result("Fails_after_two_requests");

        var har = result.Attachments.ShouldHaveSingleItem();
        har.FileName.ShouldEndWith(".har");
        using var json = JsonDocument.Parse(har.Content);
        var urls = json.RootElement.GetProperty("log").GetProperty("entries").EnumerateArray()
            .Select(e => e.GetProperty("request").GetProperty("url").GetString()).ToList();
        urls.Count.ShouldBe(2);
        urls[0].ShouldEndWith("/missing.txt");
        urls[1].ShouldEndWith("/hello.txt");
    }

    [TestMethod]
    public void Passing_test_has_no_journal_and_no_attachment()
    {
        var result = s_child.Result("Passes_after_one_request");

        result.Outcome.ShouldBe("Passed");
        result.StdOut.ShouldNotContain("FakeHttpFixture journal");
        result.Attachments.ShouldBeEmpty();
    }

    [TestMethod]
    public void Verification_failure_fails_a_test_that_passed_with_the_verification_message()
    {
        var result = s_child.Result("Leaves_a_request_unanswered_in_strict_mode");

        result.Outcome.ShouldBe("Failed");
        result.Message.ShouldContain("HttpFixtureVerificationException");
        result.Message.ShouldContain("/unanswered");
        result.StdOut.ShouldContain("#1 GET /unanswered");
        result.Attachments.ShouldHaveSingleItem();
    }
}
