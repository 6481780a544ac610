namespace FakeHttpFixture.Tests.Support;

/// <summary>Finds the checkout the tests were built from, by walking up to FakeHttpFixture.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "FakeHttpFixture.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FakeHttpFixture.sln was not found above the test's folder; run the tests from a checkout.");
    }
}
