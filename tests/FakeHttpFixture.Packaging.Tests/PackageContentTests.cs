using System.IO.Compression;
using System.Xml.Linq;

namespace FakeHttpFixture.Packaging.Tests;

public sealed class PackageContentTests(PackageFeedFixture feed)
{
    public static TheoryData<string> Libraries => new()
    {
        "FakeHttpFixture",
        "FakeHttpFixture.Xunit",
        "FakeHttpFixture.XunitV3",
        "FakeHttpFixture.NUnit",
        "FakeHttpFixture.MSTest",
        "FakeHttpFixture.TUnit",
        "FakeHttpFixture.WireMock",
        "FakeHttpFixture.Grpc",
    };

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Library_package_has_readme_docs_license_description_tags_and_symbols(string id)
    {
        var nupkg = Path.Combine(feed.Feed, $"{id}.{feed.Version}.nupkg");
        File.Exists(nupkg).ShouldBeTrue($"{id} was not packed. Pack output:\n{feed.PackOutput}");
        File.Exists(Path.ChangeExtension(nupkg, ".snupkg")).ShouldBeTrue($"{id} has no symbols package.");

        using var zip = ZipFile.OpenRead(nupkg);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        names.ShouldContain("README.md");
        names.ShouldContain($"lib/net10.0/{id}.dll");
        names.ShouldContain($"lib/net10.0/{id}.xml", "XML docs ship inside the package.");

        var metadata = ReadNuspec(zip).Descendants().First(e => e.Name.LocalName == "metadata");
        Value(metadata, "id").ShouldBe(id);
        Value(metadata, "version").ShouldBe(feed.Version);
        Value(metadata, "license").ShouldBe("MIT");
        Value(metadata, "readme").ShouldBe("README.md");
        Value(metadata, "description").ShouldNotBeNullOrWhiteSpace();
        Value(metadata, "tags").ShouldNotBeNull().ShouldContain("testing");
        metadata.Elements().First(e => e.Name.LocalName == "repository").Attribute("commit").ShouldNotBeNull("SourceLink records the commit.");
    }

    [Fact]
    public void Every_package_names_the_one_project_address_and_its_readme_links_the_docs_there()
    {
        // Issue 32, item 3: from NuGet the docs must be reachable. One property in Directory.Build.props sets both addresses.
        var url = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryRoot.Path, "Directory.Build.props"))
            .Descendants("FakeHttpFixtureUrl").Single().Value;
        url.ShouldStartWith("https://");
        var packages = Directory.GetFiles(feed.Feed, "*.nupkg");
        packages.ShouldNotBeEmpty();
        foreach (var nupkg in packages)
        {
            using var zip = ZipFile.OpenRead(nupkg);
            var metadata = ReadNuspec(zip).Descendants().First(e => e.Name.LocalName == "metadata");
            var name = Path.GetFileName(nupkg);
            Value(metadata, "projectUrl").ShouldBe(url, name);
            metadata.Elements().First(e => e.Name.LocalName == "repository").Attribute("url")?.Value.ShouldBe(url, name);
            var readme = PackageFiles.ReadText(nupkg, "README.md");
            readme.ShouldContain($"{url}/blob/main/docs/", Case.Sensitive, $"{name}: its README links no page of the docs under {url}");
            System.Text.RegularExpressions.Regex.Matches(readme, @"https://github\.com/[^\s)]+")
                .Select(m => m.Value)
                .Where(link => !link.StartsWith(url + "/", StringComparison.Ordinal))
                .ShouldBeEmpty($"{name}: README links into another repository than {url}");
        }
    }

    [Fact]
    public void Every_package_has_the_one_version_set_in_Directory_Build_props()
    {
        var packages = Directory.GetFiles(feed.Feed, "*.nupkg");
        packages.Length.ShouldBeGreaterThanOrEqualTo(7, "six libraries and the fakehttp tool");
        packages.ShouldAllBe(p => p.EndsWith($".{feed.Version}.nupkg", StringComparison.Ordinal));
    }

    [Fact]
    public void The_fakehttp_tool_is_packed_as_a_dotnet_tool()
    {
        var tool = Directory.GetFiles(feed.Feed, "*.nupkg").SingleOrDefault(p =>
        {
            using var zip = ZipFile.OpenRead(p);
            return ReadNuspec(zip).Descendants().Any(e => e.Name.LocalName == "packageType" && (string?)e.Attribute("name") == "DotnetTool");
        });

        tool.ShouldNotBeNull($"No package is a DotnetTool. Packed: {string.Join(", ", Directory.GetFiles(feed.Feed).Select(Path.GetFileName))}");
        using var toolZip = ZipFile.OpenRead(tool);
        toolZip.Entries.ShouldContain(e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
        toolZip.Entries.ShouldContain(e => e.FullName == "README.md", "the tool's README ships inside its package");
        File.Exists(Path.ChangeExtension(tool, ".snupkg")).ShouldBeTrue("the tool has a symbols package too");
        var settings = XDocument.Load(toolZip.Entries.First(e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal)).Open());
        settings.Descendants().First(e => e.Name.LocalName == "Command").Attribute("Name")!.Value.ShouldBe("fakehttp");
    }

    private static XDocument ReadNuspec(ZipArchive zip)
    {
        using var stream = zip.Entries.First(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }

    private static string? Value(XElement metadata, string name) =>
        metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
}
