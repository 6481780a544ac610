using System.IO.Compression;

namespace FakeHttpFixture.Packaging.Tests;

/// <summary>Reads files inside a packed .nupkg, as NuGet shows them.</summary>
internal static class PackageFiles
{
    public static string ReadText(string nupkg, string entry)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        var file = zip.GetEntry(entry) ?? throw new InvalidOperationException($"{Path.GetFileName(nupkg)} has no {entry}.");
        using var reader = new StreamReader(file.Open());
        return reader.ReadToEnd();
    }
}
