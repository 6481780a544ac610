namespace FakeHttpFixture.TUnit.Runner.Tests;

/// <summary>The TUnit adapter's own tests (tests/FakeHttpFixture.TUnit.Tests), run by TUnit itself, every one of them passed.</summary>
public sealed class AdapterTests(AdapterTestsRun child) : IClassFixture<AdapterTestsRun>
{
    public static TheoryData<string> Tests =>
    [
        "Sees_exactly_its_own_requests_while_two_parallel_neighbours_hammer_the_same_server",
        "Requests_from_other_threads_that_keep_the_execution_context_are_the_tests",
        "Request_sent_without_the_execution_context_is_shown_to_the_test_as_untagged",
        "Passed_tests_requests_are_released_from_the_shared_journal",
        "Per_class_server_serves_the_classs_files",
        "Keyed_server_is_shared_by_classes_with_the_same_key",
        "Request_made_by_an_app_under_test_server_is_the_tests",
    ];

    [Fact]
    public void Every_test_passed()
    {
        child.Run.Results.Count.ShouldBeGreaterThanOrEqualTo(Tests.Count, child.Run.Console);
        child.Run.Results.Where(r => r.Outcome != "Passed")
            .Select(r => $"{r.TestName}: {r.Outcome}\n{r.Message}\n{r.StdOut}").ShouldBeEmpty(child.Run.Console);
    }

    [Theory]
    [MemberData(nameof(Tests))]
    public void Test_ran_and_passed(string test)
    {
        var results = child.Run.Results.Where(r => r.TestName.StartsWith(test, StringComparison.Ordinal)).ToList();

        results.ShouldNotBeEmpty(child.Run.Console);
        results.ShouldAllBe(r => r.Outcome == "Passed");
    }
}
