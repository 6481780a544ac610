using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace FakeHttpFixture.Cli;

/// <summary>Runs one fakehttp session: check the settings, start the server, log until a signal, then stop and flush everything.</summary>
internal static class ServeRunner
{
    /// <summary>
    /// How many requests the journal keeps when no output needs all of them (no --har): the record and the log take each request
    /// as it completes and let go of its body, so the journal only has to hold the ones still in flight when fakehttp stops,
    /// and what it holds of the others is their request line and headers.
    /// </summary>
    public const int JournalCap = 1024;

    /// <summary>How many of the latest bodies are kept for the inspector's pages when no output needs them all: few, so memory stays flat.</summary>
    public const int InspectorBodies = 32;

    // Ctrl+C must end fakehttp within a second, and an idle keep-alive connection must not hold it up.
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromMilliseconds(500);

    public static async Task<int> RunAsync(ServeSettings settings, CancellationToken cancellationToken)
    {
        // With --proxy or --replay and no directory, nothing local answers before the upstream or the recording.
        var servesFiles = settings.DirectoryGiven || (settings.ProxyUrl is null && settings.ReplayFile is null && settings.MappingsRoot is null && !settings.Admin);
        WireMockSetup.Check(settings);
        var root = Path.GetFullPath(settings.Directory);
        if (servesFiles && !Directory.Exists(root))
        {
            throw new CliException(File.Exists(root)
                ? $"cannot serve '{root}': it is a file, not a directory. Give the directory that holds it."
                : $"cannot serve '{root}': the directory does not exist. Check the path, or create it first.");
        }

        // Every output is checked before anything is made, so a run that cannot write its HAR fails now, not after the session.
        var har = settings.HarFile is null ? null : HarOutput.Check(settings.HarFile);
        if (settings.RecordDirectory is { } record && Path.TrimEndingDirectorySeparator(Path.GetFullPath(record)) is var recordDirectory && RealPath.IsInside(root, recordDirectory))
        {
            // The record is hidden from the served tree, so a record holding the tree would leave nothing to serve.
            throw new CliException($"--record '{recordDirectory}' holds the directory being served, which would then serve nothing; give a directory of its own, such as rec.");
        }

        using var signal = new ShutdownSignal();
        using var log = new ConsoleLog();
        using var recorder = settings.RecordDirectory is null ? null : RequestRecorder.Create(settings.RecordDirectory);
        var sink = new RequestSink(settings.Quiet ? null : log, recorder, releaseBodies: har is null, keepLastBodies: settings.Inspector ? InspectorBodies : 0);
        await using (sink.ConfigureAwait(false))
        {
            if (!IPAddress.IsLoopback(settings.BindAddress))
            {
                Failure.Warn($"listening on {settings.BindAddress}, so anyone who can reach this machine can read '{root}'{(settings.AcceptUploads ? " and write to it" : string.Empty)}. Leave out --bind to stay on 127.0.0.1.");
            }

            HttpFixtureServer server;
            try
            {
                server = await StartAsync(servesFiles ? root : null, settings, sink, recorder, har, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                recorder?.Discard();
                throw;
            }

            string? certificateFile = null;
            string? harError = null;
            try
            {
                // The address to use comes first on its line; the upstream of --proxy is named as what it is, so nobody takes it for that.
                log.Line(settings.ProxyUrl is not null
                    ? $"Serving {server.BaseAddress}, forwarding to {settings.ProxyUrl} — Ctrl+C to stop"
                    : $"Serving {(servesFiles ? root : WireMockSetup.Describe(settings) ?? Path.GetFullPath(settings.ReplayFile!))} at {server.BaseAddress} — Ctrl+C to stop");
                if (settings.ProxyUrl is not null)
                {
                    log.Line($"Proxying what nothing else answers to {settings.ProxyUrl}{(har is null ? string.Empty : $"; the recording goes to {har} on exit")}");
                }

                WireMockSetup.Announce(log, settings, server);
                certificateFile = settings.Https ? SaveCertificate(server) : null;
                if (certificateFile is not null)
                {
                    log.Line($"Certificate (PEM): {certificateFile} — trust it with curl --cacert {certificateFile}");
                }

                if (recorder is not null)
                {
                    log.Line($"Recording requests to {recorder.Directory} ({RequestRecorder.IndexFileName} and one file per body)");
                }

                if (server.InspectorAddress is { } inspector)
                {
                    log.Line($"Inspector: {inspector} — every request live, in a browser (--no-inspector turns it off)");
                }

                await ((Task)signal.Received).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            finally
            {
                // The order that loses nothing: stop accepting and let in-flight requests end (or abort them), write every record
                // and the HAR while spilled bodies can still be read, and only then let the server delete its temp files.
                await server.StopAsync().ConfigureAwait(false);
                await sink.CompleteAsync(server.Requests).ConfigureAwait(false);
                if (har is not null)
                {
                    harError = HarOutput.Save(server, har);
                }

                await server.DisposeAsync().ConfigureAwait(false);
                DeleteQuietly(certificateFile);
            }

            var requests = server.Requests;
            var count = requests.Count == 0 ? 0 : requests[^1].Sequence;
            if (harError is not null)
            {
                log.Line(string.Create(CultureInfo.InvariantCulture, $"Stopped after {count} request(s)"));
                throw new CliException(harError);
            }

            log.Line(har is null
                ? string.Create(CultureInfo.InvariantCulture, $"Stopped after {count} request(s)")
                : string.Create(CultureInfo.InvariantCulture, $"Stopped after {count} request(s); HAR written to {har}"));
            return sink.RecordFailed ? Failure.ErrorExitCode : 0;
        }
    }

    private static async Task<HttpFixtureServer> StartAsync(string? root, ServeSettings settings, RequestSink sink, RequestRecorder? recorder, string? har, CancellationToken cancellationToken)
    {
        try
        {
            void Configure(HttpFixtureOptions options)
            {
                options.Port = settings.Port;
                options.BindAddress = settings.BindAddress;
                options.ShutdownTimeout = ShutdownGrace;
                options.AcceptUploads = settings.AcceptUploads;
                options.EnableCors = settings.Cors;
                options.DirectoryListing = true;
                if (settings.Https)
                {
                    options.UseHttps();
                }

                // The HAR is written from the journal at exit, so it needs every request; without it the journal keeps only the
                // last few, and memory stays flat however long fakehttp runs.
                options.MaxRecordedRequests = har is null ? JournalCap : 0;

                // The record and the HAR hold every client's headers and bodies: never served, listed or writable over HTTP.
                if (recorder is not null)
                {
                    options.HiddenPaths.Add(recorder.Directory);
                }

                if (har is not null)
                {
                    options.HiddenPaths.Add(har);
                }

                options.OnRequestCompleted = sink.OnCompleted;
                if (settings.Inspector)
                {
                    options.EnableInspector();
                }

                if (settings.ProxyUrl is not null)
                {
                    options.ProxyTo(settings.ProxyUrl);
                }

                if (settings.ReplayFile is not null)
                {
                    options.ReplayHar(settings.ReplayFile);
                }

                WireMockSetup.Configure(options, settings, root is not null);
            }

            return root is null
                ? await HttpFixtureServer.StartAsync(new FileTree(), Configure, cancellationToken).ConfigureAwait(false)
                : await HttpFixtureServer.StartAsync(root, Configure, cancellationToken).ConfigureAwait(false);
        }
        catch (WireMockMappingException ex)
        {
            throw new CliException($"--mappings: {ex.Message}", ex);
        }
        catch (InvalidDataException ex)
        {
            throw new CliException($"--replay: {ex.Message}", ex);
        }
        catch (ArgumentException ex) when (settings.ReplayFile is not null && ex.ParamName == nameof(HttpFixtureOptions.ReplayHarFiles))
        {
            throw new CliException($"--replay: {ex.Message}", ex);
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"port {settings.Port} is already in use on {settings.BindAddress}. Choose another with --port, or --port 0 for a free one."), ex);
        }
        catch (Exception ex) when (Socket(ex) is { } socket)
        {
            throw new CliException(socket.SocketErrorCode switch
            {
                SocketError.AccessDenied => string.Create(CultureInfo.InvariantCulture, $"cannot listen on {settings.BindAddress} port {settings.Port}: ports below 1024 need root (or the CAP_NET_BIND_SERVICE capability) on this system. Choose a port from 1024 up, or --port 0 for a free one."),
                SocketError.AddressNotAvailable => string.Create(CultureInfo.InvariantCulture, $"cannot listen on {settings.BindAddress}: this machine does not have that address. Give one it has, or leave out --bind for 127.0.0.1."),
                _ => string.Create(CultureInfo.InvariantCulture, $"cannot listen on {settings.BindAddress} port {settings.Port}: {socket.Message}"),
            }, ex);
        }
        catch (IOException ex)
        {
            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"cannot listen on {settings.BindAddress} port {settings.Port}: {ex.InnerException?.Message ?? ex.Message}"), ex);
        }
    }

    // Kestrel reports a failed bind as a bare SocketException or wrapped in an IOException, depending on the error.
    private static SocketException? Socket(Exception ex) => ex as SocketException ?? ex.InnerException as SocketException;

    // The certificate is made afresh on every run, so its PEM lives in the temp directory only as long as the server does.
    private static string SaveCertificate(HttpFixtureServer server)
    {
        var file = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"fakehttp-{Environment.ProcessId}-{server.Port}.pem"));
        server.SaveCertificatePem(file);
        return file;
    }

    private static void DeleteQuietly(string? file)
    {
        if (file is null)
        {
            return;
        }

        try
        {
            File.Delete(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A PEM left in the temp directory is harmless: its key never left this process.
        }
    }
}
