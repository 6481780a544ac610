using System.Text.RegularExpressions;

namespace FakeHttpFixture.Packaging.Tests.Docs;

/// <summary>
/// What a docs page gives a newcomer to copy: the files it shows whole (a fenced block whose first line is <c>// File: NAME</c>, or
/// <c>&lt;!-- File: NAME --&gt;</c> for a project file) and the packages it tells them to add (<c>dotnet add package ID</c> lines in its
/// code blocks). See this project's README for the convention.
/// </summary>
internal sealed partial class DocsPage
{
    private DocsPage(string relativePath, IReadOnlyList<PageFile> files, IReadOnlyList<PagePackage> packages)
    {
        RelativePath = relativePath;
        Files = files;
        Packages = packages;
    }

    /// <summary>Gets the page's path from the repository root, such as "docs/getting-started.md".</summary>
    public string RelativePath { get; }

    /// <summary>Gets the files the page shows whole, in the order it shows them.</summary>
    public IReadOnlyList<PageFile> Files { get; }

    /// <summary>Gets the packages the page adds, with the version it names or null.</summary>
    public IReadOnlyList<PagePackage> Packages { get; }

    /// <summary>Gets a value indicating whether the page takes part in the check: it shows at least one whole C# file.</summary>
    public bool OptedIn => Files.Any(f => f.Name.EndsWith(".cs", StringComparison.Ordinal));

    /// <summary>Gets the project file the page shows, if it shows one.</summary>
    public PageFile? ProjectFile => Files.FirstOrDefault(f => f.Name.EndsWith(".csproj", StringComparison.Ordinal));

    /// <summary>Gets a value indicating whether the page's C# holds tests, so that the check runs them and not only builds them.</summary>
    public bool HasTests => Files.Any(f => TestAttribute().IsMatch(f.Content));

    public static DocsPage Read(string repositoryRoot, string relativePath)
    {
        var markdown = File.ReadAllText(Path.Combine(repositoryRoot, relativePath)).ReplaceLineEndings("\n");
        var files = new List<PageFile>();
        var packages = new List<PagePackage>();
        foreach (Match block in FencedBlock().Matches(markdown))
        {
            var code = block.Groups["code"].Value;
            if (FileHeader().Match(code) is { Success: true } header)
            {
                var name = header.Groups["name"].Value.Trim();
                files.Add(new PageFile(name, code));
            }

            foreach (Match add in AddPackage().Matches(code))
            {
                packages.Add(new PagePackage(add.Groups["id"].Value, add.Groups["version"].Success ? add.Groups["version"].Value : null));
            }
        }

        var twice = files.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new InvalidOperationException($"{relativePath} shows the file {twice.Key} {twice.Count()} times; a page's files are one project, so each name may appear once.");
        }

        return new DocsPage(relativePath, files, packages);
    }

    [GeneratedRegex(@"^```[a-z]*[^\n]*\n(?<code>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"\A\s*(?://|<!--)\s*File:\s*(?<name>[^\s]+?)\s*(?:-->)?\s*$", RegexOptions.Multiline)]
    private static partial Regex FileHeader();

    [GeneratedRegex(@"^\s*(?:\$\s+)?dotnet add (?:\S+\s+)?package\s+(?<id>[A-Za-z0-9_.\-]+)(?:\s+(?:--version|-v)\s+(?<version>\S+))?", RegexOptions.Multiline)]
    private static partial Regex AddPackage();

    [GeneratedRegex(@"\[(?:Fact|Theory|Test|TestMethod)\b")]
    private static partial Regex TestAttribute();
}

/// <summary>A file a page shows whole: its name (a path relative to the project) and its text, header line included.</summary>
internal sealed record PageFile(string Name, string Content);

/// <summary>A package a page adds: its id and the version it names, or null when it names none.</summary>
internal sealed record PagePackage(string Id, string? Version);
