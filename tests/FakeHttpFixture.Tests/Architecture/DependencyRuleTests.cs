using System.Globalization;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Architecture;

/// <summary>
/// The core's feature folders and which may use which (docs/how-it-works.md draws the same picture). A dependency the rule does
/// not allow fails with a sentence naming both types, so a back-edge is caught when it is written, not at the next review.
/// </summary>
public sealed class DependencyRuleTests
{
    private static readonly string[] Foundation = ["Support"];

    /// <summary>Each folder and the folders its types may use; a folder not listed here fails the test until it is given a place.</summary>
    private static readonly Dictionary<string, string[]> MayUse = new(StringComparer.Ordinal)
    {
        ["Support"] = [],
        ["Bodies"] = [.. Foundation],
        ["Attribution"] = [.. Foundation],
        ["Journal"] = ["Attribution", "Bodies", .. Foundation],
        ["Exchange"] = ["Journal", "Bodies", .. Foundation],
        ["Files"] = ["Exchange", "Journal", "Bodies", .. Foundation],
        ["Streams"] = ["Exchange", "Journal", "Bodies", .. Foundation],
        ["Responses"] = ["Streams", "Files", "Exchange", "Journal", "Bodies", .. Foundation],
        ["Chaos"] = ["Responses", "Exchange", "Journal", "Bodies", .. Foundation],
        ["Routing"] = ["Tls", "Journal", .. Foundation],
        ["Stubs"] = ["Chaos", "Responses", "Routing", "Exchange", "Journal", "Bodies", .. Foundation],
        ["Har"] = ["Exchange", "Journal", "Bodies", .. Foundation],
        ["Proxy"] = ["Exchange", "Journal", "Bodies", .. Foundation],
        ["Tls"] = [.. Foundation],
        ["Clients"] = ["Routing", "Tls", .. Foundation],
        ["Assertions"] = ["Chaos", "Journal", "Bodies", .. Foundation],
        ["Inspector"] = ["Hosting", "Stubs", "Har", "Exchange", "Journal", "Bodies", "Attribution", .. Foundation],
        ["Hosting"] = ["Attribution", "Assertions", "Clients", "Tls", "Proxy", "Har", "Stubs", "Routing", "Chaos", "Responses", "Streams", "Files", "Exchange", "Journal", "Bodies", .. Foundation],
    };

    [Fact]
    public void Every_folder_uses_only_the_folders_below_it()
    {
        var folders = CoreFolders.Instance;
        var unknown = folders.FolderOfType.Values.Distinct().Where(f => !MayUse.ContainsKey(f)).Order(StringComparer.Ordinal).ToList();
        unknown.ShouldBeEmpty($"src/FakeHttpFixture has folders the dependency rule does not know: {string.Join(", ", unknown)}. Give each a line in {nameof(DependencyRuleTests)}.{nameof(MayUse)} saying which folders it may use.");

        var violations = folders.CrossFolderDependencies()
            .Where(d => !MayUse[d.FromFolder].Contains(d.ToFolder))
            .Distinct()
            .Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.From} ({d.FromFolder}/) uses {d.To} ({d.ToFolder}/), but {d.FromFolder}/ may use only {Describe(MayUse[d.FromFolder])}: pass the value it needs instead, or move the type to the folder that owns its concern."))
            .Order(StringComparer.Ordinal)
            .ToList();

        violations.ShouldBeEmpty(string.Join("\n", violations));
    }

    [Fact]
    public void The_rule_itself_has_no_cycle()
    {
        var order = new List<string>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal);
        void Visit(string folder, Stack<string> path)
        {
            if (state.TryGetValue(folder, out var done))
            {
                done.ShouldBeTrue($"The rule lets folders use each other in a circle: {string.Join(" → ", path.Reverse().SkipWhile(f => f != folder))} → {folder}.");
                return;
            }

            state[folder] = false;
            path.Push(folder);
            foreach (var below in MayUse[folder])
            {
                MayUse.ShouldContainKey(below, $"{folder} may use {below}, which the rule does not list.");
                Visit(below, path);
            }

            path.Pop();
            state[folder] = true;
            order.Add(folder);
        }

        foreach (var folder in MayUse.Keys)
        {
            Visit(folder, new Stack<string>());
        }

        order.Count.ShouldBe(MayUse.Count);
    }

    [Fact]
    public void Every_type_of_the_core_has_a_file_named_after_it()
    {
        var folders = CoreFolders.Instance;
        var homeless = folders.Types.Select(CoreFolders.OwnerName).OfType<string>().Distinct()
            .Where(name => !folders.FolderOfType.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();

        homeless.ShouldBeEmpty($"Types without a file of their own name under src/FakeHttpFixture/<Folder>/ (one type per file): {string.Join(", ", homeless)}.");
    }

    [Fact]
    public void Folders_stay_small_and_files_short()
    {
        var source = Path.Combine(RepositoryRoot.Path, "src", "FakeHttpFixture");
        var files = Directory.EnumerateDirectories(source).Where(d => Path.GetFileName(d) is not ("bin" or "obj"))
            .SelectMany(d => Directory.EnumerateFiles(d, "*.cs")).ToList();

        var crowded = files.GroupBy(Path.GetDirectoryName).Where(g => g.Count() > 40).Select(g => $"{Path.GetFileName(g.Key)}/ ({g.Count()} files)").ToList();
        var longFiles = files.Select(f => (File: Path.GetRelativePath(source, f), Lines: File.ReadLines(f).Count())).Where(f => f.Lines > 300).Select(f => $"{f.File} ({f.Lines} lines)").ToList();

        crowded.ShouldBeEmpty($"Folders over 40 files; split them by concern: {string.Join(", ", crowded)}.");
        longFiles.ShouldBeEmpty($"Files over 300 lines; split them by what they do: {string.Join(", ", longFiles)}.");
        Directory.EnumerateFiles(source, "*.cs").ShouldBeEmpty("Every source file of the core lives in a feature folder.");
    }

    private static string Describe(string[] folders) => folders.Length == 0 ? "no other folder" : string.Join(", ", folders.Select(f => f + "/"));
}
