using System.Globalization;
using System.Runtime.InteropServices;
using FakeHttpFixture.Benchmarks.Peers;

namespace FakeHttpFixture.Benchmarks;

/// <summary>
/// `serve fixture|fixture-dir|kestrel|wiremock [--port N] [--tls] [--clear-every-ms N]`: one server with the benchmark's content
/// until SIGTERM or Ctrl+C, for wrk, h2load and the cold-start loop. It prints "ready URL" once it listens. --clear-every-ms empties
/// the fixture's journal on a timer, which separates what a growing journal costs (GC) from what each request costs;
/// --max-recorded N sets HttpFixtureOptions.MaxRecordedRequests, the option for load tests that do not read the journal.
/// </summary>
internal static class ServeMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync("Usage: serve fixture|fixture-dir|kestrel|wiremock [--port N] [--tls]");
            return 2;
        }

        var port = 0;
        var portIndex = Array.IndexOf(args, "--port");
        if (portIndex >= 0 && portIndex + 1 < args.Length)
        {
            port = int.Parse(args[portIndex + 1], CultureInfo.InvariantCulture);
        }

        var tls = args.Contains("--tls");
        var clearIndex = Array.IndexOf(args, "--clear-every-ms");
        var clearEvery = clearIndex >= 0 && clearIndex + 1 < args.Length ? int.Parse(args[clearIndex + 1], CultureInfo.InvariantCulture) : 0;
        var maxIndex = Array.IndexOf(args, "--max-recorded");
        var maxRecorded = maxIndex >= 0 && maxIndex + 1 < args.Length ? int.Parse(args[maxIndex + 1], CultureInfo.InvariantCulture) : 0;
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        switch (args[0])
        {
            case "fixture":
                await using (var server = await HttpFixtureServer.StartAsync(new FileTree().Add("file.bin", Payload.File), o => Configure(o, port, tls, maxRecorded)))
                {
                    using var clear = clearEvery > 0 ? new Timer(_ => server.ClearRequests(), null, clearEvery, clearEvery) : null;
                    await ReadyAsync(server.BaseAddress, stop.Task);
                }

                break;
            case "fixture-dir":
                var directory = Directory.CreateTempSubdirectory("fakehttp-serve-").FullName;
                await File.WriteAllBytesAsync(Path.Combine(directory, "file.bin"), Payload.File);
                await using (var server = await HttpFixtureServer.StartAsync(directory, o => Configure(o, port, tls, maxRecorded)))
                {
                    await ReadyAsync(server.BaseAddress, stop.Task);
                }

                Directory.Delete(directory, recursive: true);
                break;
            case "kestrel":
                await using (var server = await RawKestrel.StartAsync(port, tls ? TestCertificate.Create() : null))
                {
                    await ReadyAsync(server.BaseAddress, stop.Task);
                }

                break;
            case "wiremock":
                using (var server = WireMockPeer.Start(port: port == 0 ? null : port, tls: tls))
                {
                    await ReadyAsync(server.BaseAddress(), stop.Task);
                }

                break;
            default:
                await Console.Error.WriteLineAsync($"Unknown server '{args[0]}': use fixture, fixture-dir, kestrel or wiremock.");
                return 2;
        }

        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }
    }

    private static void Configure(HttpFixtureOptions options, int port, bool tls, int maxRecorded)
    {
        options.Port = port;
        options.MaxRecordedRequests = maxRecorded;
        if (tls)
        {
            options.UseHttps();
        }
    }

    private static async Task ReadyAsync(Uri address, Task stop)
    {
        Console.WriteLine($"ready {address}");
        await Console.Out.FlushAsync();
        await stop;
    }
}
