using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.XunitV3.Tests;

public sealed class FailingProjectRun : IAsyncLifetime
{
    public ChildTestRun Run { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Run = await ChildTestRun.RunAsync("tests/FailingProjects/XunitV3Failing/XunitV3Failing.csproj");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
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
    public void Failing_test_has_the_journal_attached_as_har()
    {
        var result = child.Run.Result("Fails_after_two_requests");

        var har = result.Attachments.ShouldHaveSingleItem();
        har.FileName.ShouldBe("FakeHttpFixture-journal.har.json"); // the runner adds the extension of the media type
        using var json = System.Text.Json.JsonDocument.Parse(har.Content);
        var urls = json.RootElement.GetProperty("log").GetProperty("entries").EnumerateArray()
            .Select(e => e.GetProperty("request").GetProperty("url").GetString()).ToList();
        urls.Count.ShouldBe(2);
        urls[0].ShouldEndWith("/missing.txt");
        urls[1].ShouldEndWith("/hello.txt");
    }

    [Fact]
    public void Passing_test_has_no_journal_and_no_attachment()
    {
        var result = child.Run.Result("Passes_after_one_request");

        result.Outcome.ShouldBe("Passed");
        result.StdOut.ShouldNotContain("FakeHttpFixture journal");
        result.Attachments.ShouldBeEmpty();
    }

    [Fact]
    public void Verification_failure_fails_a_test_that_passed_with_the_verification_message()
    {
        var result = child.Run.Result("Leaves_a_request_unanswered_in_strict_mode");

        result.Outcome.ShouldBe("Failed");
        result.Message.ShouldContain("HttpFixtureVerificationException");
        result.Message.ShouldContain("/unanswered");
        result.StdOut.ShouldContain("#1 GET /unanswered");
        result.Attachments.ShouldHaveSingleItem();
    }
}
