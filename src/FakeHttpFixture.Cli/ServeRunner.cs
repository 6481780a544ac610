using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Connections;

namespace FakeHttpFixture.Cli;

/// <summary>Runs one fakehttp session: check the settings, start the server, log until a signal, then stop and flush everything.</summary>
internal static class ServeRunner
{
    // Ctrl+C must end fakehttp within a second, and an idle keep-alive connection must not hold it up.
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromMilliseconds(500);

    public static async Task<int> RunAsync(ServeSettings settings, CancellationToken cancellationToken)
    {
        // With --proxy or --replay and no directory, nothing local answers before the upstream or the recording.
        var servesFiles = settings.DirectoryGiven || (settings.ProxyUrl is null && settings.ReplayFile is null);
        var root = Path.GetFullPath(settings.Directory);
        if (servesFiles && !Directory.Exists(root))
        {
            throw new CliException(File.Exists(root)
                ? $"cannot serve '{root}': it is a file, not a directory. Give the directory that holds it."
                : $"cannot serve '{root}': the directory does not exist. Check the path, or create it first.");
        }

        var har = settings.HarFile is null ? null : CheckHarFile(settings.HarFile);
        using var signal = new ShutdownSignal();
        using var log = new ConsoleLog();
        using var recorder = settings.RecordDirectory is null ? null : RequestRecorder.Create(settings.RecordDirectory);
        var sink = new RequestSink(settings.Quiet ? null : log, recorder);
        await using (sink.ConfigureAwait(false))
        {
            if (!IPAddress.IsLoopback(settings.BindAddress))
            {
                Failure.Warn($"listening on {settings.BindAddress}, so anyone who can reach this machine can read '{root}'{(settings.AcceptUploads ? " and write to it" : string.Empty)}. Leave out --bind to stay on 127.0.0.1.");
            }

            HttpFixtureServer server;
            try
            {
                server = await StartAsync(servesFiles ? root : null, settings, sink, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                recorder?.Discard();
                throw;
            }

            string? certificateFile = null;
            try
            {
                log.Line($"Serving {(servesFiles ? root : settings.ProxyUrl?.ToString() ?? Path.GetFullPath(settings.ReplayFile!))} at {server.BaseAddress} — Ctrl+C to stop");
                if (settings.ProxyUrl is not null)
                {
                    log.Line($"Proxying what nothing else answers to {settings.ProxyUrl}{(har is null ? string.Empty : $"; the recording goes to {har} on exit")}");
                }

                certificateFile = settings.Https ? SaveCertificate(server) : null;
                if (certificateFile is not null)
                {
                    log.Line($"Certificate (PEM): {certificateFile} — trust it with curl --cacert {certificateFile}");
                }

                if (recorder is not null)
                {
                    log.Line($"Recording requests to {recorder.Directory} ({RequestRecorder.IndexFileName} and one file per body)");
                }

                await ((Task)signal.Received).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            finally
            {
                await server.DisposeAsync().ConfigureAwait(false);
                await sink.CompleteAsync(server.Requests).ConfigureAwait(false);
                DeleteQuietly(certificateFile);
            }

            var count = server.Requests.Count;
            if (har is not null)
            {
                SaveHar(server, har);
                log.Line(string.Create(CultureInfo.InvariantCulture, $"Stopped after {count} request(s); HAR written to {har}"));
            }
            else
            {
                log.Line(string.Create(CultureInfo.InvariantCulture, $"Stopped after {count} request(s)"));
            }

            return sink.RecordFailed ? Failure.ErrorExitCode : 0;
        }
    }

    private static async Task<HttpFixtureServer> StartAsync(string? root, ServeSettings settings, RequestSink sink, CancellationToken cancellationToken)
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

                if (sink.IsNeeded)
                {
                    options.OnRequestCompleted = sink.OnCompleted;
                }

                if (settings.ProxyUrl is not null)
                {
                    options.ProxyTo(settings.ProxyUrl);
                }

                if (settings.ReplayFile is not null)
                {
                    options.ReplayHar(settings.ReplayFile);
                }
            }

            return root is null
                ? await HttpFixtureServer.StartAsync(new FileTree(), Configure, cancellationToken).ConfigureAwait(false)
                : await HttpFixtureServer.StartAsync(root, Configure, cancellationToken).ConfigureAwait(false);
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
        catch (IOException ex)
        {
            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"cannot listen on {settings.BindAddress} port {settings.Port}: {ex.InnerException?.Message ?? ex.Message}"), ex);
        }
    }

    private static string CheckHarFile(string file)
    {
        var full = Path.GetFullPath(file);
        if (Directory.Exists(full))
        {
            throw new CliException($"--har '{full}' is a directory; give a file name such as requests.har.");
        }

        if (!Directory.Exists(Path.GetDirectoryName(full)))
        {
            throw new CliException($"--har '{full}': the directory it would go in does not exist. Create it first.");
        }

        return full;
    }

    private static void SaveHar(HttpFixtureServer server, string har)
    {
        try
        {
            server.SaveHar(har);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"the HAR file '{har}' could not be written: {ex.Message}", ex);
        }
    }

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
