using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Architecture;

/// <summary>
/// The core's types by feature folder: a type belongs to the folder of the file named after it (one type per file, partial
/// parts as Type.Part.cs), and its dependencies are read from the compiled assembly by ArchUnitNET.
/// </summary>
internal sealed class CoreFolders
{
    private CoreFolders(IReadOnlyDictionary<string, string> folderOfType, IReadOnlyList<IType> types)
    {
        FolderOfType = folderOfType;
        Types = types;
    }

    public static CoreFolders Instance { get; } = Load();

    /// <summary>Gets the folder of each type of the core, by the type's simple name.</summary>
    public IReadOnlyDictionary<string, string> FolderOfType { get; }

    /// <summary>Gets the core's own types, compiler-made types left out (their members count for the type that holds them).</summary>
    public IReadOnlyList<IType> Types { get; }

    /// <summary>Returns the name of the type of the core that <paramref name="type"/> is or is nested in, or null for a type of another assembly.</summary>
    public static string? OwnerName(IType type)
    {
        var fullName = type.FullName;
        if (!fullName.StartsWith("FakeHttpFixture.", StringComparison.Ordinal))
        {
            return null;
        }

        var name = fullName["FakeHttpFixture.".Length..];
        var end = name.IndexOfAny(['/', '+', '`', '<']);
        return end < 0 ? name : end == 0 ? null : name[..end];
    }

    /// <summary>Returns every dependency from one folder's type to another folder's, as (from type, to type, from folder, to folder).</summary>
    public IEnumerable<(string From, string To, string FromFolder, string ToFolder)> CrossFolderDependencies()
    {
        foreach (var type in Types)
        {
            var from = OwnerName(type)!;
            var fromFolder = FolderOfType[from];
            foreach (var dependency in type.Dependencies)
            {
                if (OwnerName(dependency.Target) is { } to && to != from && FolderOfType.TryGetValue(to, out var toFolder) && toFolder != fromFolder)
                {
                    yield return (from, to, fromFolder, toFolder);
                }
            }
        }
    }

    private static CoreFolders Load()
    {
        var source = Path.Combine(RepositoryRoot.Path, "src", "FakeHttpFixture");
        var folderOfType = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Length != 2 || parts[0] is "bin" or "obj")
            {
                continue;
            }

            var typeName = Path.GetFileNameWithoutExtension(parts[1]).Split('.')[0];
            if (folderOfType.TryGetValue(typeName, out var other) && other != parts[0])
            {
                throw new InvalidOperationException($"{typeName} has parts in {other}/ and in {parts[0]}/: keep a type's partial parts side by side, in the folder of its concern.");
            }

            folderOfType[typeName] = parts[0];
        }

        var architecture = new ArchLoader().LoadAssemblies(typeof(HttpFixtureServer).Assembly).Build();
        var types = architecture.Types.Where(t => OwnerName(t) is { } owner && !t.FullName.StartsWith("FakeHttpFixture.<", StringComparison.Ordinal) && owner.Length != 0).ToList();
        return new CoreFolders(folderOfType, types);
    }
}
