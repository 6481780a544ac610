using System.Xml.Linq;

namespace FakeHttpFixture.Packaging.Tests.Docs;

/// <summary>
/// A fresh project outside the repository made from one docs page alone: the page's project file (or the one getting-started shows),
/// a package reference for each package the page adds, and the page's whole files; nothing else, so a using or package the page does
/// not name fails the build as it would for a newcomer.
/// </summary>
internal static class DocsPageProject
{
    /// <summary>The page whose project file is every other page's starting point: the test project a newcomer makes first.</summary>
    public const string BasePage = "docs/getting-started.md";

    public static async Task<(string ProjectFile, string ProjectXml)> WriteAsync(DocsPage page, DocsPage basePage, PackageFeedFixture feed, string directory, string? projectName = null)
    {
        var project = page.ProjectFile ?? basePage.ProjectFile
            ?? throw new InvalidOperationException($"{BasePage} shows no project file (a block starting <!-- File: NAME.csproj -->), and {page.RelativePath} shows none either.");
        var xml = XDocument.Parse(WithoutHeader(project.Content));
        var references = new XElement("ItemGroup");
        foreach (var package in page.Packages.DistinctBy(p => p.Id, StringComparer.OrdinalIgnoreCase))
        {
            references.Add(new XElement("PackageReference", new XAttribute("Include", package.Id), new XAttribute("Version", VersionOf(package, page, feed))));
        }

        xml.Root!.Add(references);
        // Pages built in one solution need projects of distinct names; the name changes nothing else a page could rely on.
        var projectFile = projectName is null ? Path.GetFileName(project.Name) : projectName + ".csproj";
        await File.WriteAllTextAsync(Path.Combine(directory, projectFile), xml.ToString());
        await File.WriteAllTextAsync(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="fakehttp-local" value="{feed.Feed}" />
              </packageSources>
            </configuration>
            """);
        foreach (var file in page.Files.Where(f => !f.Name.EndsWith(".csproj", StringComparison.Ordinal)))
        {
            var path = Path.GetFullPath(Path.Combine(directory, file.Name));
            path.StartsWith(directory, StringComparison.Ordinal).ShouldBeTrue($"{page.RelativePath} names the file '{file.Name}', which is outside its project.");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, file.Content);
        }

        return (projectFile, xml.ToString());
    }

    // Our packages come from the feed this run packed; another package at the version the page names, or else at the one this
    // repository is built and tested with (Directory.Packages.props), which is what a newcomer's `dotnet add package` resolves to
    // unless a newer one has come out since.
    private static string VersionOf(PagePackage package, DocsPage page, PackageFeedFixture feed)
    {
        if (File.Exists(Path.Combine(feed.Feed, $"{package.Id}.{feed.Version}.nupkg")))
        {
            return feed.Version;
        }

        return package.Version ?? CentralVersions.Value.GetValueOrDefault(package.Id)
            ?? throw new InvalidOperationException($"{page.RelativePath} adds the package {package.Id} without a version, and Directory.Packages.props pins none: name it on the page (dotnet add package {package.Id} --version X).");
    }

    private static string WithoutHeader(string content) => string.Join('\n', content.Split('\n').Skip(1));

    private static readonly Lazy<Dictionary<string, string>> CentralVersions = new(() =>
        XDocument.Load(Path.Combine(RepositoryRoot.Path, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.OrdinalIgnoreCase));
}
