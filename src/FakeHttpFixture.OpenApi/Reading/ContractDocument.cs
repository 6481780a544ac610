using System.Collections.Concurrent;
using System.Text.Json;

namespace FakeHttpFixture;

/// <summary>
/// An OpenAPI document read once per process per file (and read again only when the file changes): its operations, its base
/// paths and its schemas, each built once on first use.
/// </summary>
internal sealed class ContractDocument
{
    private static readonly ConcurrentDictionary<string, Lazy<ContractDocument>> Cache = new(StringComparer.Ordinal);

    private readonly (PathTemplate Path, List<ContractOperation> Operations)[] _paths;

    public ContractDocument(string fullPath, JsonElement root, List<ContractOperation> operations, List<string> basePaths)
    {
        FullPath = fullPath;
        Root = root;
        Operations = operations;
        BasePaths = basePaths;
        Schemas = new SchemaCompiler(root);
        _paths = [.. operations.GroupBy(o => o.Path.Text).Select(g => (g.First().Path, g.ToList())).OrderByDescending(p => p.Path.LiteralLength)];
    }

    /// <summary>Gets the full path of the file.</summary>
    public string FullPath { get; }

    /// <summary>Gets the file's name, as messages print it.</summary>
    public string FileName => Path.GetFileName(FullPath);

    /// <summary>Gets the document as OpenAPI 3.1 JSON, 3.0 documents converted (nullable becomes a "null" type).</summary>
    public JsonElement Root { get; }

    /// <summary>Gets the operations in document order.</summary>
    public IReadOnlyList<ContractOperation> Operations { get; }

    /// <summary>Gets the path parts of the servers' URLs ("/v1"), which a request path may start with; "" always comes last.</summary>
    public IReadOnlyList<string> BasePaths { get; }

    /// <summary>Gets the document's schemas, built on first use.</summary>
    public SchemaCompiler Schemas { get; }

    /// <summary>Returns the document of a file, read once per process and again only when the file changed.</summary>
    public static ContractDocument Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        var file = new FileInfo(full);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The OpenAPI document '{full}' does not exist. Pass the path of a .yaml, .yml or .json file; a relative path is taken from the current directory ({Environment.CurrentDirectory}).", full);
        }

        var key = string.Concat(full, "|", file.LastWriteTimeUtc.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), "|", file.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var entry = Cache.GetOrAdd(key, _ => new Lazy<ContractDocument>(() => ContractReader.Read(full)));
        try
        {
            return entry.Value;
        }
        catch
        {
            // A broken document is read again next time, so that a test run that fixes it in place sees the fix.
            Cache.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    /// <summary>Finds the operation for a request, or says why there is none.</summary>
    public ContractOperation? Find(string method, string path, out Dictionary<string, string>? pathValues, out ContractOperation[] samePath)
    {
        samePath = [];
        foreach (var basePath in BasePaths)
        {
            if (basePath.Length != 0 && !path.StartsWith(basePath, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = basePath.Length == 0 ? path : path[basePath.Length..];
            foreach (var (template, operations) in _paths)
            {
                if (template.Match(rest) is not { } values)
                {
                    continue;
                }

                var operation = operations.FirstOrDefault(o => o.Method == method);
                if (operation is not null)
                {
                    pathValues = values;
                    return operation;
                }

                if (samePath.Length == 0)
                {
                    samePath = [.. operations];
                }
            }
        }

        pathValues = null;
        return null;
    }
}
