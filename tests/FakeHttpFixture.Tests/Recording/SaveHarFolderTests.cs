using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Recording;

/// <summary>Issue 32, item 1: the record-and-replay recipe's first SaveHar names a folder that does not exist yet.</summary>
public sealed class SaveHarFolderTests
{
    [Fact]
    public async Task SaveHar_creates_the_missing_folders_of_the_path()
    {
        using var temp = new TempDirectory();
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" });
        using var client = server.CreateClient();
        await client.GetStringAsync("a.txt", TestContext.Current.CancellationToken);
        var har = Path.Combine(temp.Path, "Fixtures", "weather", "weather.har");

        server.SaveHar(har);

        using var document = System.Text.Json.JsonDocument.Parse(await File.ReadAllBytesAsync(har, TestContext.Current.CancellationToken));
        document.RootElement.GetProperty("log").GetProperty("entries").GetArrayLength().ShouldBe(1);
        Directory.GetFiles(Path.GetDirectoryName(har)!).Select(Path.GetFileName).ShouldBe(["weather.har"]);
    }

    [Fact]
    public async Task SaveHar_into_a_folder_that_cannot_be_made_names_that_folder_and_no_temp_file()
    {
        using var temp = new TempDirectory();
        var blocker = temp.Write("Fixtures", "a file where the folder would go");
        await using var server = HttpFixtureServer.Start(new FileTree());
        var har = Path.Combine(blocker, "weather.har");

        var ex = Should.Throw<IOException>(() => server.SaveHar(har));

        ex.Message.ShouldStartWith($"SaveHar could not create the folder '{blocker}' for 'weather.har': ");
        ex.Message.ShouldNotContain(".tmp");
    }

    [Fact]
    public async Task SaveHar_onto_a_folder_says_so_and_leaves_the_folder()
    {
        using var temp = new TempDirectory();
        var folder = Directory.CreateDirectory(Path.Combine(temp.Path, "weather.har")).FullName;
        await using var server = HttpFixtureServer.Start(new FileTree());

        var ex = Should.Throw<IOException>(() => server.SaveHar(folder));

        ex.Message.ShouldBe($"SaveHar cannot write '{folder}': it is a folder. Give a file name such as '{Path.Join(folder, "recording.har")}'.");
        Directory.Exists(folder).ShouldBeTrue();
    }
}
