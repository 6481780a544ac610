using System.Text.RegularExpressions;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Docs;

/// <summary>
/// Code shown in the docs is compiled: every ```csharp block of README.md and docs/*.md must stand, line for line,
/// in a C# file of the solution (a test or a sample), so a renamed API breaks the build instead of the docs.
/// A line "// …" in a block skips any number of lines there. A block that starts "// File: NAME.cs" is a whole file a newcomer
/// copies: it is not looked for here but built and run from the packed packages by tests/FakeHttpFixture.Packaging.Tests (Docs/).
/// </summary>
public sealed partial class DocsCodeTests
{
    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        data.Add("README.md");
        foreach (var readme in Directory.GetFiles(System.IO.Path.Combine(RepositoryRoot.Path, "src"), "README.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            // Package READMEs are what NuGet shows: their code must compile too.
            data.Add(System.IO.Path.GetRelativePath(RepositoryRoot.Path, readme));
        }

        foreach (var page in Directory.GetFiles(System.IO.Path.Combine(RepositoryRoot.Path, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(System.IO.Path.GetRelativePath(RepositoryRoot.Path, page));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_csharp_block_of_the_page_is_compiled_code(string page)
    {
        var sources = CompiledSources.Value;
        var markdown = File.ReadAllText(System.IO.Path.Combine(RepositoryRoot.Path, page));
        var missing = new List<string>();
        foreach (Match block in CsharpBlock().Matches(markdown))
        {
            var lines = Normalize(block.Groups["code"].Value);
            if (lines.Count != 0 && !lines[0].StartsWith("// File:", StringComparison.Ordinal) && !sources.Any(source => Contains(source, lines)))
            {
                missing.Add(block.Groups["code"].Value.Trim());
            }
        }

        missing.ShouldBeEmpty($"{page} shows C# that no compiled file of the solution contains. Copy it from a test or sample, or add it to one:\n\n{string.Join("\n\n---\n\n", missing)}");
    }

    [Fact]
    public void Docs_folder_has_every_page_users_look_for()
    {
        string[] pages =
        [
            "getting-started", "serving-files", "recording-and-assertions", "stubs-and-faults", "tls-and-http2",
            "xunit", "xunit-v3", "nunit", "mstest", "tunit", "attribution", "cli", "benchmarks", "how-it-works", "security", "real-hostnames", "miss-reports", "record-and-replay", "streams", "chaos-and-client-behaviour", "grpc", "inspector",
        ];
        var present = Directory.GetFiles(System.IO.Path.Combine(RepositoryRoot.Path, "docs"), "*.md").Select(System.IO.Path.GetFileNameWithoutExtension).ToHashSet();

        pages.Where(p => !present.Contains(p)).ShouldBeEmpty("docs/ lacks these pages");
    }

    private static readonly Lazy<List<List<string>>> CompiledSources = new(() =>
        Directory.EnumerateFiles(RepositoryRoot.Path, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))

            // Deliberately failing projects are outside the solution: code that only stands there is never built by it.
            .Where(f => !f.Contains("/FailingProjects/", StringComparison.Ordinal))
            .Select(f => Normalize(File.ReadAllText(f)))
            .ToList());

    private static List<string> Normalize(string code) =>
        code.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length != 0)
            .ToList();

    private static bool Contains(List<string> source, List<string> block)
    {
        for (var start = 0; start < source.Count; start++)
        {
            if (MatchesAt(source, start, block, 0))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchesAt(List<string> source, int s, List<string> block, int b)
    {
        while (b < block.Count)
        {
            if (block[b] is "// …" or "// ...")
            {
                if (b == block.Count - 1)
                {
                    return true;
                }

                for (var next = s; next < source.Count; next++)
                {
                    if (MatchesAt(source, next, block, b + 1))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (s >= source.Count || source[s] != block[b])
            {
                return false;
            }

            s++;
            b++;
        }

        return true;
    }

    [GeneratedRegex(@"```csharp[^\n]*\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CsharpBlock();
}
