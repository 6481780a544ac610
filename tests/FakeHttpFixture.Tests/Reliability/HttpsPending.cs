namespace FakeHttpFixture.Tests.Reliability;

/// <summary>
/// Skips a test that needs HTTPS while UseHttps cannot start a server on this branch (Kestrel's HTTPS services are
/// missing without a host until issue 6 is merged). Delete this class and its calls once main has issue 6.
/// </summary>
internal static class HttpsPending
{
    private static readonly Lazy<string?> Failure = new(() =>
    {
        try
        {
            HttpFixtureServer.Start(new FileTree(), o => o.UseHttps()).DisposeAsync().AsTask().GetAwaiter().GetResult();
            return null;
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("IHttpsConfigurationService", StringComparison.Ordinal))
        {
            return ex.Message;
        }
    });

    public static bool IsAvailable => Failure.Value is null;

    public static void SkipUntilIssue6Lands() =>
        Assert.SkipWhen(Failure.Value is not null, $"UseHttps cannot start a server until issue 6 lands: {Failure.Value}");
}
