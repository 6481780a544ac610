using System.Text;

namespace FakeHttpFixture.Packaging.Tests.Docs;

/// <summary>
/// Builds every opted-in page's project in one <c>dotnet build</c> of a generated solution: one restore and one build for all of
/// them, in parallel, instead of one of each per page. Each page keeps its own folder and project, so it sees only what it names.
/// </summary>
public sealed class DocsPagesBuild : IAsyncDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fakehttp-docs-").FullName;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Result? _result;

    /// <summary>Returns the build of every page, made on the first call.</summary>
    internal async Task<Result> GetAsync(PackageFeedFixture feed, IReadOnlyList<string> pages)
    {
        await _gate.WaitAsync();
        try
        {
            return _result ??= await BuildAsync(feed, pages);
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _gate.Dispose();
        Directory.Delete(_root, recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task<Result> BuildAsync(PackageFeedFixture feed, IReadOnlyList<string> pages)
    {
        var basePage = DocsPage.Read(RepositoryRoot.Path, DocsPageProject.BasePage);
        var projects = new Dictionary<string, PageProject>(StringComparer.Ordinal);
        var solution = new StringBuilder("<Solution>\n");
        foreach (var relativePath in pages)
        {
            var page = DocsPage.Read(RepositoryRoot.Path, relativePath);
            var name = relativePath.Replace('/', '_').Replace(".md", string.Empty, StringComparison.Ordinal);
            var directory = Path.Combine(_root, name);
            Directory.CreateDirectory(directory);
            var (projectFile, projectXml) = await DocsPageProject.WriteAsync(page, basePage, feed, directory, name);
            projects[relativePath] = new PageProject(page, directory, projectFile, projectXml);
            solution.Append("  <Project Path=\"").Append(Path.GetRelativePath(_root, Path.Combine(directory, projectFile))).Append("\" />\n");
        }

        await File.WriteAllTextAsync(Path.Combine(_root, "DocsPages.slnx"), solution.Append("</Solution>\n").ToString());
        var (_, output) = await Dotnet.RunAsync(_root, TimeSpan.FromMinutes(15), "build", "DocsPages.slnx", "-c", "Release");
        return new Result(projects, output);
    }

    internal sealed record PageProject(DocsPage Page, string Directory, string ProjectFile, string ProjectXml)
    {
        public bool Built => File.Exists(Path.Combine(Directory, "bin", "Release", "net10.0", Path.ChangeExtension(ProjectFile, ".dll")));
    }

    internal sealed record Result(IReadOnlyDictionary<string, PageProject> Projects, string Output)
    {
        /// <summary>The build's lines about one page's project: its errors and warnings carry the project's folder.</summary>
        public string LinesAbout(PageProject project) =>
            string.Join('\n', Output.Split('\n').Where(l => l.Contains(project.Directory, StringComparison.Ordinal) && !l.Contains(" -> ", StringComparison.Ordinal)));
    }
}
