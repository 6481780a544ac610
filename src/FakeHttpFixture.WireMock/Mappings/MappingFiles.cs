namespace FakeHttpFixture;

/// <summary>Reads a WireMock root directory: every <c>mappings/**/*.json</c>, bodies from <c>__files/</c>.</summary>
internal static class MappingFiles
{
    public static List<Mapping> Load(string rootDirectory)
    {
        var root = Path.GetFullPath(rootDirectory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The WireMock root directory '{root}' does not exist. Give the directory that holds mappings/ and __files/.");
        }

        var mappings = Path.Combine(root, "mappings");
        if (!Directory.Exists(mappings))
        {
            return [];
        }

        var files = FilesRoot(root);
        var result = new List<Mapping>();
        foreach (var file in Directory.EnumerateFiles(mappings, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            result.AddRange(MappingParser.Parse(File.ReadAllText(file), file, files));
        }

        return result;
    }

    public static string FilesRoot(string rootDirectory) => Path.Combine(Path.GetFullPath(rootDirectory), "__files");
}
