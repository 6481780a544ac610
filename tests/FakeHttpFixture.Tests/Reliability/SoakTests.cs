using System.Diagnostics;
using System.Globalization;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Reliability;

/// <summary>A thousand servers started, used and disposed one after another leave nothing behind.</summary>
[Trait("Category", "Reliability")]
[Collection(SoakCollection.Name)]
public sealed class SoakTests
{
    private const int Cycles = 1000;
    private const int WarmUp = 100;

    [Fact]
    public async Task A_thousand_start_request_dispose_cycles_leak_no_descriptors_threads_temp_directories_or_memory()
    {
        const int kinds = 4;
        using var directory = new TempDirectory();
        directory.Write("a.txt", "from disk");
        using var hangCheck = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var leftovers = new List<string>();
        Usage? baseline = null;

        for (var i = 0; i < Cycles; i++)
        {
            hangCheck.Token.ThrowIfCancellationRequested();
            var kind = i % kinds;
            var server = kind switch
            {
                0 => HttpFixtureServer.Start(directory.Path),
                1 => HttpFixtureServer.Start(new FileTree { ["a.txt"] = "from memory" }),
                2 => HttpFixtureServer.Start(),
                _ => HttpFixtureServer.Start(new FileTree { ["a.txt"] = "over TLS" }, o => o.UseHttps()),
            };
            var temp = kind == 2 ? server.RootDirectory : null;
            await using (server)
            {
                if (temp is not null)
                {
                    await File.WriteAllTextAsync(Path.Combine(temp, "a.txt"), "from temp", hangCheck.Token);
                }

                using var client = server.CreateClient();
                var text = await client.GetStringAsync("a.txt", hangCheck.Token);
                text.ShouldBe(kind switch { 0 => "from disk", 1 => "from memory", 2 => "from temp", _ => "over TLS" });
                await server.WaitForRequestAsync(timeout: TimeSpan.FromSeconds(10), cancellationToken: hangCheck.Token);
            }

            if (temp is not null && Directory.Exists(temp))
            {
                leftovers.Add(temp);
            }

            if (i + 1 == WarmUp)
            {
                baseline = Usage.Measure();
            }
        }

        var end = Usage.Measure();
        var report = $"{Cycles} cycles over {kinds} kinds (directory, FileTree, temp, HTTPS): after warm-up {baseline}, at the end {end}";
        TestContext.Current.TestOutputHelper?.WriteLine(report);

        leftovers.ShouldBeEmpty("every temp directory must be deleted on dispose");
        (end.Descriptors - baseline!.Descriptors).ShouldBeLessThanOrEqualTo(16, report);
        (end.Threads - baseline.Threads).ShouldBeLessThanOrEqualTo(16, report);

        // Measured flat at +0.2–0.5 MB; Kestrel's undisposed meter, 2.7 KB a server, showed as +2.4 MB before it was fixed.
        (end.ManagedBytes - baseline.ManagedBytes).ShouldBeLessThan(1536L * 1024, report);
    }

    private sealed record Usage(int Descriptors, int Threads, long ManagedBytes)
    {
        public static Usage Measure()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var managed = GC.GetTotalMemory(forceFullCollection: true);
            using var process = Process.GetCurrentProcess();
            var descriptors = Directory.Exists("/proc/self/fd") ? Directory.GetFileSystemEntries("/proc/self/fd").Length : 0;
            return new Usage(descriptors, process.Threads.Count, managed);
        }

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{Descriptors} fds, {Threads} threads, {ManagedBytes / 1024.0 / 1024:0.0} MB managed");
    }
}
