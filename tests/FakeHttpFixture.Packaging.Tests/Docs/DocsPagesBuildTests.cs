namespace FakeHttpFixture.Packaging.Tests.Docs;

/// <summary>
/// Issue 32: every docs page that shows whole files builds from the packed packages in a fresh project outside the repository,
/// with only the packages it tells the reader to add and the usings its files name, and its tests pass. A page opts in by showing
/// a whole file (see README.md of this project).
/// </summary>
public sealed class DocsPagesBuildTests(PackageFeedFixture feed, DocsPagesBuild pagesBuild) : IClassFixture<DocsPagesBuild>
{
    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var page in OptedInPages())
        {
            data.Add(page);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_builds_from_the_packages_with_only_what_it_names_and_its_tests_pass(string relativePath)
    {
        var build = await pagesBuild.GetAsync(feed, [.. OptedInPages()]);
        var project = build.Projects[relativePath];
        var context = $"{relativePath}, built in a fresh project from its own files and packages:\n{project.ProjectXml}";
        project.Built.ShouldBeTrue($"{context}\n\nThe build of the pages said about this one:\n{build.LinesAbout(project)}\n\nThe whole build:\n{build.Output}");

        var (exit, output) = await Dotnet.RunAsync(project.Directory, TimeSpan.FromMinutes(8), "test", "-c", "Release", "--no-build");

        exit.ShouldBe(0, $"{context}\n\n{output}");
        if (project.Page.HasTests)
        {
            output.ShouldContain("Passed!", customMessage: $"{context}\n\n{output}");
            output.ShouldContain("Failed:     0", customMessage: $"{context}\n\n{output}");
        }
    }

    [Fact]
    public async Task A_page_whose_file_lacks_a_using_it_needs_fails_the_check()
    {
        // The check is only worth something if a page cannot lean on anything it does not name: no global using, no package.
        var pages = Directory.CreateTempSubdirectory("fakehttp-docs-page-").FullName;
        var directory = Directory.CreateTempSubdirectory("fakehttp-docs-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(pages, "docs"));
            await File.WriteAllTextAsync(Path.Combine(pages, "docs", "page.md"), """
                # A page that forgot a using

                ```bash
                dotnet add package FakeHttpFixture
                dotnet add package Shouldly
                ```

                ```csharp
                // File: ForgetfulTests.cs
                using FakeHttpFixture;
                using Xunit;

                public class ForgetfulTests
                {
                    [Fact]
                    public async Task Uses_Shouldly_without_its_using()
                    {
                        await using var srv = HttpFixtureServer.Start();
                        srv.Port.ShouldBeGreaterThan(0);
                    }
                }
                ```
                """);
            var page = DocsPage.Read(pages, "docs/page.md");
            page.Packages.Select(p => p.Id).ShouldBe(["FakeHttpFixture", "Shouldly"]);
            await DocsPageProject.WriteAsync(page, DocsPage.Read(RepositoryRoot.Path, DocsPageProject.BasePage), feed, directory);

            var (exit, output) = await Dotnet.RunAsync(directory, TimeSpan.FromMinutes(8), "build", "-c", "Release");

            exit.ShouldNotBe(0, output);
            output.ShouldContain("ForgetfulTests.cs");
            output.ShouldContain("ShouldBeGreaterThan");
        }
        finally
        {
            Directory.Delete(pages, recursive: true);
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Pages_that_must_build_from_the_packages_show_whole_files()
    {
        // The pages a newcomer copies from first: each shows at least one whole file that the test above builds and runs.
        string[] required =
        [
            "README.md", "docs/getting-started.md", "docs/record-and-replay.md", "docs/real-hostnames.md",
            "docs/chaos-and-client-behaviour.md", "docs/streams.md", "docs/miss-reports.md",
        ];

        required.Where(p => !DocsPage.Read(RepositoryRoot.Path, p).OptedIn).ShouldBeEmpty("these pages show no whole file (// File: NAME.cs)");
    }

    private static IEnumerable<string> OptedInPages() => AllPages().Where(p => DocsPage.Read(RepositoryRoot.Path, p).OptedIn);

    private static IEnumerable<string> AllPages() =>
        new[] { "README.md" }
            .Concat(Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "src"), "README.md", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "docs"), "*.md"))
            .Select(p => Path.GetRelativePath(RepositoryRoot.Path, Path.Combine(RepositoryRoot.Path, p)).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
}
