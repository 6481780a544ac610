namespace FakeHttpFixture.AdapterTests;

/// <summary>
/// What FAKEHTTP_KEEP_ON_FAILURE must do in each adapter, checked on a child <c>dotnet test</c> of the failing project in a
/// pseudo-terminal (<see cref="TerminalTestRun"/>): keep the failed test's server up until Enter, and never wait under CI=true
/// unless forced. That it never waits without a terminal is checked by every <see cref="ChildTestRun"/>, which runs in a session
/// of its own with the variable set.
/// </summary>
public static class KeepOnFailureExpectations
{
    /// <summary>The failed test's server is announced with its journal, curl reaches it, Enter lets the run go on, and then it is gone.</summary>
    public static async Task KeepsTheFailedTestsServerUntilEnterAsync(string project)
    {
        var run = await TerminalTestRun.RunAsync(project, new Dictionary<string, string> { ["FAKEHTTP_KEEP_ON_FAILURE"] = "1" });

        run.KeptAt.ShouldNotBeNull(run.Terminal);
        run.Fetched.ShouldBe("hello", run.Terminal);
        run.Terminal.ShouldContain($"FakeHttpFixture journal of {run.KeptAt}:");
        run.Terminal.ShouldContain("#2 GET /hello.txt → 200");
        run.Terminal.ShouldContain("press Enter to go on");
        run.Terminal.ShouldContain($"its inspector, every request live with its body and miss report: {run.KeptAt}__fakehttp/");
        run.Terminal.ShouldContain($"FakeHttpFixture: going on; the server at {run.KeptAt} stops now.");
        run.ExitCode.ShouldBe(run.TestsFailedExitCode, run.Terminal); // the test still fails
        run.FetchAfterwardsExitCode.ShouldBe(7, "curl: nothing listens at the address once the run has gone on");
    }

    /// <summary>Under CI=true the run never waits, though a terminal is there and the variable is set.</summary>
    public static async Task NeverWaitsUnderCiAsync(string project)
    {
        var run = await TerminalTestRun.RunAsync(project, new Dictionary<string, string>
        {
            ["FAKEHTTP_KEEP_ON_FAILURE"] = "1",
            ["CI"] = "true",
        });

        run.KeptAt.ShouldBeNull(run.Terminal);
        run.Terminal.ShouldNotContain("stays up");
        run.ExitCode.ShouldBe(run.TestsFailedExitCode, run.Terminal);
    }

    /// <summary>FAKEHTTP_KEEP_ON_FAILURE_FORCE=1 keeps the server under CI=true too.</summary>
    public static async Task WaitsUnderCiWhenForcedAsync(string project)
    {
        var run = await TerminalTestRun.RunAsync(project, new Dictionary<string, string>
        {
            ["FAKEHTTP_KEEP_ON_FAILURE"] = "1",
            ["FAKEHTTP_KEEP_ON_FAILURE_FORCE"] = "1",
            ["CI"] = "true",
        });

        run.KeptAt.ShouldNotBeNull(run.Terminal);
        run.Fetched.ShouldBe("hello", run.Terminal);
        run.ExitCode.ShouldBe(run.TestsFailedExitCode, run.Terminal);
    }
}
