using System.Diagnostics;
using System.Globalization;
using FakeHttpFixture.Benchmarks.Peers;

namespace FakeHttpFixture.Benchmarks;

/// <summary>
/// `memory upload fixture|kestrel|wiremock [--mib N]`: one upload of N MiB (default 1024) sent by curl from another process, reporting the server process's
/// peak resident memory above what it held before the upload, and the bytes allocated meanwhile.
/// `memory idle fixture|kestrel|wiremock [--count N]`: N started, idle servers (default 100), reporting memory per server.
/// Run each in a fresh process: peak memory is a property of the process.
/// </summary>
internal static class MemoryMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            await Console.Error.WriteLineAsync("Usage: memory upload|idle fixture|kestrel|wiremock [--mib N] [--count N]");
            return 2;
        }

        return args[0] switch
        {
            "upload" => await UploadAsync(args[1], Option(args, "--mib", 1024)),
            "idle" => await IdleAsync(args[1], Option(args, "--count", 100)),
            _ => 2,
        };
    }

    private static async Task<int> UploadAsync(string peer, int mebibytes)
    {
        var size = mebibytes * 1024L * 1024L;
        await using var server = await PeerServer.StartAsync(peer);

        // The client is curl in its own process, so the peak is the server's alone; the body comes from a sparse file.
        var body = Path.Combine(Path.GetTempPath(), $"fakehttp-upload-{Environment.ProcessId}.bin");
        var warmBody = body + ".warm";
        try
        {
            using (var file = File.Create(body))
            {
                file.SetLength(size);
            }

            await File.WriteAllBytesAsync(warmBody, new byte[64 * 1024]);

            // Warm up the whole path once, so JIT and first-use buffers are in the baseline, not in the peak.
            await CurlPutAsync(server.BaseAddress, warmBody);
            server.ClearJournal();
            Settle();
            var before = ProcStatus.Kilobytes("VmRSS") * 1024L;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            ProcStatus.ResetPeak();
            using var trace = Environment.GetEnvironmentVariable("ALLOC_TRACE") is "1" ? new AllocationTrace() : null;

            await CurlPutAsync(server.BaseAddress, body);

            var peak = ProcStatus.Kilobytes("VmHWM") * 1024L;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            trace?.Print(Console.Out);
            var recorded = server.LastBodyLength();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"upload {peer}: extra peak RSS {(peak - before) / 1048576.0:0.0} MiB, allocated {allocated / 1048576.0:0.0} MiB ({mebibytes} MiB sent, {Describe(recorded)} in the journal)"));
            return 0;
        }
        finally
        {
            File.Delete(body);
            File.Delete(warmBody);
        }
    }

    private static async Task CurlPutAsync(Uri baseAddress, string file)
    {
        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true };
        foreach (var argument in new[] { "-sS", "-f", "-o", "/dev/null", "-T", file, new Uri(baseAddress, "upload").ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        using var curl = Process.Start(start) ?? throw new InvalidOperationException("curl did not start.");
        await curl.WaitForExitAsync();
        if (curl.ExitCode != 0)
        {
            throw new InvalidOperationException($"curl -T {file} failed with exit code {curl.ExitCode}.");
        }
    }

    private static async Task<int> IdleAsync(string peer, int count)
    {
        // One server started, asked and stopped first, so that JIT and type loading are not counted per server.
        await using (var warm = await PeerServer.StartAsync(peer))
        {
            using var client = Clients(warm.BaseAddress);
            _ = await client.GetByteArrayAsync("file.bin");
        }

        Settle();
        var rssBefore = ProcStatus.Kilobytes("VmRSS") * 1024L;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var servers = new List<PeerServer>(count);
        for (var i = 0; i < count; i++)
        {
            servers.Add(await PeerServer.StartAsync(peer));
        }

        Settle();
        var rss = ProcStatus.Kilobytes("VmRSS") * 1024L - rssBefore;
        var heap = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"idle {peer}: {rss / (double)count / 1024:0.0} KiB RSS, {heap / (double)count / 1024:0.0} KiB managed heap per server ({count} servers)"));
        foreach (var server in servers)
        {
            await server.DisposeAsync();
        }

        return 0;
    }

    private static HttpClient Clients(Uri baseAddress)
    {
        var client = Scenarios.Clients.For(baseAddress);
        client.Timeout = Timeout.InfiniteTimeSpan;
        return client;
    }

    private static string Describe(long? recorded) => recorded is { } bytes
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MiB")
        : "n/a";

    private static void Settle()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
