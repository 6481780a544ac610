using TUnit.Core;

namespace FakeHttpFixture;

/// <summary>Writes a failed test's journal and miss reports to its output and attaches the journal as a HAR artifact.</summary>
internal static class TUnitReport
{
    public static Task WriteAsync(HttpFixtureServer server, TestContext context)
    {
        context.Output.WriteLine(AdapterServer.Report(server));

        // An artifact is a file that must outlive the test: it goes where TUnit writes the run's results.
        var directory = Path.Combine(ResultsDirectory(), "FakeHttpFixture");
        var har = AdapterServer.SaveHar(server, directory, context.Metadata.DisplayName);
        context.Output.AttachArtifact(har, "FakeHttpFixture-journal.har", "The requests of this test on the FakeHttpFixture server, as HAR 1.2.");
        return Task.CompletedTask;
    }

    private static string ResultsDirectory()
    {
        try
        {
            return TestContext.ResultsDirectory;
        }
        catch (InvalidOperationException)
        {
            return Path.GetTempPath();
        }
    }
}
