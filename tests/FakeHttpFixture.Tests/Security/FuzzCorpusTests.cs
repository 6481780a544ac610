using FakeHttpFixture.Fuzz;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Security;

/// <summary>
/// Replays the fuzz corpus (tests/FakeHttpFixture.Fuzz/corpus: the seeds and every input that once crashed) through every fuzz
/// target in-process, on the plain library: a crash found once stays fixed. Each target gets every target's inputs, since a
/// header block or a multipart body is a fine path or charset input too.
/// </summary>
[Trait("Category", "Security")]
public sealed class FuzzCorpusTests
{
    private static readonly string CorpusRoot = Path.Combine(RepositoryRoot.Path, "tests", "FakeHttpFixture.Fuzz", "corpus");

    public static TheoryData<string> Targets => [.. FuzzTarget.All.Select(t => t.Name)];

    [Fact]
    public void Every_corpus_folder_has_its_target_and_every_target_its_corpus()
    {
        var folders = Directory.EnumerateDirectories(CorpusRoot).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToList();
        folders.ShouldBe(FuzzTarget.All.Select(t => t.Name), "a target is found by reflection and seeded from corpus/NAME");
        folders.ShouldContain("path");
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_corpus_input_runs_through_the_target_without_a_finding(string name)
    {
        var target = FuzzTarget.Find(name).ShouldNotBeNull();
        Directory.EnumerateFiles(Path.Combine(CorpusRoot, name)).ShouldNotBeEmpty($"target {name} needs seed inputs in corpus/{name}");

        var inputs = Directory.EnumerateFiles(CorpusRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var findings = new List<string>();
        foreach (var file in inputs)
        {
            try
            {
                target.Run(File.ReadAllBytes(file));
            }
#pragma warning disable CA1031 // Every exception is a finding; all of them are reported together.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                findings.Add($"{Path.GetRelativePath(CorpusRoot, file)}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        findings.ShouldBeEmpty($"{findings.Count} of {inputs.Count} corpus inputs crashed target {name}; replay one with: dotnet FakeHttpFixture.Fuzz.dll {name} FILE");
    }
}
