namespace FakeHttpFixture;

/// <summary>
/// The few lines every test-framework adapter shares, compiled into each adapter rather than shipped as a package
/// of their own, so that an adapter depends on nothing but the core and its framework.
/// </summary>
internal static class AdapterServer
{
    /// <summary>Starts a server for what a fixture declares: a file tree wins over a directory; neither serves a fresh temp directory.</summary>
    public static Task<HttpFixtureServer> StartAsync(string? directory, FileTree? files, Action<HttpFixtureOptions> configure)
    {
        if (files is not null)
        {
            return HttpFixtureServer.StartAsync(files, configure);
        }

        return directory is not null ? HttpFixtureServer.StartAsync(directory, configure) : HttpFixtureServer.StartAsync(configure);
    }

    /// <summary>Gives a test its server: the shared one reset, or a new one started for what the test class declares.</summary>
    public static async Task<HttpFixtureServer> StartOrResetAsync(HttpFixtureServer? shared, string? directory, FileTree? files, Action<HttpFixtureOptions> configure)
    {
        if (shared is null)
        {
            return await StartAsync(directory, files, configure).ConfigureAwait(false);
        }

        shared.Reset();
        return shared;
    }

    /// <summary>
    /// Ends a test: verifies the server, lets <paramref name="report"/> write the journal when the test failed or verification did,
    /// keeps the server serving meanwhile when FAKEHTTP_KEEP_ON_FAILURE asks for it (<see cref="KeepOnFailure"/>), stops the server
    /// if the test owns it, and then throws the verification failure so the framework fails the test with it.
    /// </summary>
    public static async Task FinishAsync(HttpFixtureServer server, bool owned, bool testFailed, Func<HttpFixtureServer, Task> report, string test = "The test")
    {
        try
        {
            var failure = Verify(server);
            if (failure is not null || testFailed)
            {
                await report(server).ConfigureAwait(false);
                await KeepOnFailure.HoldAsync(server, test).ConfigureAwait(false);
            }

            if (failure is not null)
            {
                throw failure;
            }
        }
        finally
        {
            if (owned)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Verifies the server and returns the failure instead of throwing it, so the adapter can log the journal first.</summary>
    public static HttpFixtureVerificationException? Verify(HttpFixtureServer server)
    {
        try
        {
            server.Verify();
            return null;
        }
        catch (HttpFixtureVerificationException failure)
        {
            return failure;
        }
    }

    /// <summary>
    /// The text an adapter writes to a failed test's output: the journal, then the miss report of each request nothing answered
    /// (the strict 501s, and in lenient mode the 404s and fallback answers), which says which stubs came closest and why they
    /// did not match. The framework shows the verification message as the failure; the output keeps the reports also when the
    /// test failed first, on its own assertion.
    /// </summary>
    public static string Report(HttpFixtureServer server)
    {
        const int MaxReports = 10;
        var text = new System.Text.StringBuilder()
            .Append(System.Globalization.CultureInfo.InvariantCulture, $"FakeHttpFixture journal of {server.BaseAddress}:{Environment.NewLine}{server.JournalSummary().TrimEnd('\n')}");
        var missed = server.Requests.Where(r => r.AnsweredBy == ResponseSource.Fallback).ToList();
        foreach (var request in missed.Take(MaxReports))
        {
            text.Append(Environment.NewLine).Append(Environment.NewLine).Append("FakeHttpFixture miss report: ").Append(server.ExplainMiss(request).ReplaceLineEndings());
        }

        if (missed.Count > MaxReports)
        {
            text.Append(Environment.NewLine).Append(Environment.NewLine)
                .Append(System.Globalization.CultureInfo.InvariantCulture, $"… and {missed.Count - MaxReports} more requests nothing answered; server.ExplainMiss(request) reports on each.");
        }

        return text.ToString();
    }

    /// <summary>Writes the journal as a HAR file in <paramref name="directory"/>, named after the test, and returns its path.</summary>
    public static string SaveHar(HttpFixtureServer server, string directory, string testName)
    {
        System.IO.Directory.CreateDirectory(directory);
        var safeName = string.Concat(testName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        if (safeName.Length > 80)
        {
            safeName = safeName[^80..];
        }

        // The port keeps apart the files of tests that run at the same time under the same name (theories, retries).
        var path = Path.Combine(directory, $"{safeName}.{server.Port}.har");
        server.SaveHar(path);
        return path;
    }
}
