namespace FakeHttpFixture.Packaging.Tests;

/// <summary>Installs the packages as a user does: a fresh project outside the repository restores them from the local feed only.</summary>
public sealed partial class InstallTests(PackageFeedFixture feed)
{
    [Fact]
    public async Task A_fresh_test_project_restores_the_packages_from_the_feed_and_passes()
    {
        var project = Directory.CreateTempSubdirectory("fakehttp-consumer-").FullName;
        try
        {
            // <clear/>: the machine's and the user's sources are dropped, so our packages can come from the local feed and nowhere
            // else. The test framework's packages, at the versions the repository itself restores, come from the global packages folder.
            await File.WriteAllTextAsync(Path.Combine(project, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="fakehttp-local" value="{feed.Feed}" />
                  </packageSources>
                </configuration>
                """);
            await File.WriteAllTextAsync(Path.Combine(project, "Consumer.Tests.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <OutputType>Exe</OutputType>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="FakeHttpFixture" Version="{feed.Version}" />
                    <PackageReference Include="FakeHttpFixture.XunitV3" Version="{feed.Version}" />
                    <PackageReference Include="FakeHttpFixture.OpenApi" Version="{feed.Version}" />
                    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                    <PackageReference Include="xunit.v3" Version="3.2.1" />
                    <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
                  </ItemGroup>
                </Project>
                """);
            await File.WriteAllTextAsync(Path.Combine(project, "ConsumerTests.cs"), """
                using System.Net.Http.Json;
                using FakeHttpFixture;
                using Xunit;

                public class ConsumerTests
                {
                    [Fact]
                    public async Task Installed_package_serves_and_records()
                    {
                        await using var srv = HttpFixtureServer.Start(new FileTree { ["hello.txt"] = "installed" });
                        using var client = srv.CreateClient();
                        Assert.Equal("installed", await client.GetStringAsync("hello.txt", TestContext.Current.CancellationToken));
                        await client.PostAsJsonAsync("orders", new { Id = 7 }, TestContext.Current.CancellationToken);
                        var post = await srv.WaitForRequestAsync(r => r.Method == "POST", cancellationToken: TestContext.Current.CancellationToken);
                        Assert.Equal("{\"id\":7}", post.BodyText);
                    }
                }

                public class ContractTests
                {
                    [Fact]
                    public async Task Installed_contract_package_reports_a_violation()
                    {
                        var contract = Path.Combine(Path.GetTempPath(), $"consumer-{Guid.NewGuid():N}.json");
                        File.WriteAllText(contract, "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":{\"/ping\":{\"get\":{\"responses\":{\"204\":{\"description\":\"ok\"}}}}}}");
                        await using var srv = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(contract));
                        using var client = srv.CreateClient();
                        (await client.GetAsync("ping", TestContext.Current.CancellationToken)).Dispose();
                        var ex = Assert.Throws<HttpFixtureVerificationException>(srv.Verify);
                        Assert.Contains("GET /ping (request #1) broke the OpenAPI contract of GET /ping", ex.Message);
                        File.Delete(contract);
                    }
                }

                public class AdapterTests : HttpFixtureTest
                {
                    protected override FileTree? ServedFiles => new() { ["a.txt"] = "from the adapter" };

                    [Fact]
                    public async Task Adapter_package_gives_each_test_a_server()
                    {
                        using var client = Server.CreateClient();
                        Assert.Equal("from the adapter", await client.GetStringAsync("a.txt", TestContext.Current.CancellationToken));
                    }
                }
                """);

            var (exit, output) = await Dotnet.RunAsync(project, TimeSpan.FromMinutes(8), "test", "-c", "Release");

            exit.ShouldBe(0, output);
            output.ShouldContain("Passed!");
            output.ShouldContain("Failed:     0, Passed:     3");
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [Fact]
    public async Task The_fakehttp_tool_installs_from_the_feed_and_runs()
    {
        var toolPath = Directory.CreateTempSubdirectory("fakehttp-tool-").FullName;
        try
        {
            var (exit, output) = await Dotnet.RunAsync(toolPath, TimeSpan.FromMinutes(5),
                "tool", "install", "FakeHttpFixture.Cli", "--version", feed.Version, "--tool-path", toolPath, "--add-source", feed.Feed);
            exit.ShouldBe(0, output);

            var fakehttp = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "fakehttp.exe" : "fakehttp");
            var (helpExit, help) = await Dotnet.RunToolAsync(fakehttp, TimeSpan.FromMinutes(1), "--help");
            helpExit.ShouldBe(0, help);
            help.ShouldContain("--accept-uploads");

            // Issue 32: the README NuGet shows is the tool's only manual there, so it names every option the tool has.
            var readme = PackageFiles.ReadText(Path.Combine(feed.Feed, $"FakeHttpFixture.Cli.{feed.Version}.nupkg"), "README.md");
            var options = OptionName().Matches(help).Select(m => m.Value).Distinct().ToList();
            options.ShouldContain("--proxy");
            options.ShouldContain("--replay");
            options.Where(o => !readme.Contains($"`{o}", StringComparison.Ordinal)).ShouldBeEmpty("fakehttp --help lists these options, which the package README does not name");
        }
        finally
        {
            Directory.Delete(toolPath, recursive: true);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\s)--[a-z][a-z-]+")]
    private static partial System.Text.RegularExpressions.Regex OptionName();
}
