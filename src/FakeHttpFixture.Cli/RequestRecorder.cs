using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace FakeHttpFixture.Cli;

/// <summary>
/// Writes what <c>--record DIR</c> asks for: each request body to its own file (<c>000001.body</c>, named by sequence number)
/// and a line per request to <c>index.jsonl</c> with its sequence, method, path, headers and body file.
/// </summary>
internal sealed class RequestRecorder : IDisposable
{
    public const string IndexFileName = "index.jsonl";

    private readonly FileStream _index;
    private readonly ArrayBufferWriter<byte> _line = new(1024);
    private readonly Utf8JsonWriter _json;

    private readonly bool _createdDirectory;

    private RequestRecorder(string directory, FileStream index, bool createdDirectory)
    {
        Directory = directory;
        _createdDirectory = createdDirectory;
        _index = index;
        _json = new Utf8JsonWriter(_line);
    }

    public string Directory { get; }

    /// <summary>Makes the directory if needed and refuses one that already holds a recording, which it would mix with this one.</summary>
    public static RequestRecorder Create(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (File.Exists(full))
        {
            throw new CliException($"--record '{full}' is a file; give a directory (it is created if missing).");
        }

        try
        {
            var created = !System.IO.Directory.Exists(full);
            System.IO.Directory.CreateDirectory(full);
            var index = new FileStream(Path.Combine(full, IndexFileName), FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            return new RequestRecorder(full, index, created);
        }
        catch (IOException) when (File.Exists(Path.Combine(full, IndexFileName)))
        {
            throw new CliException($"--record '{full}' already holds a recording ({IndexFileName}); give a new or empty directory, or delete that one first.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--record '{full}' cannot be written: {ex.Message}", ex);
        }
    }

    /// <summary>Stores the body (when there is one) and appends the request's line to the index.</summary>
    public void Write(RecordedRequest request, TimeSpan? duration)
    {
        string? bodyFile = null;
        if (request.BodyLength > 0)
        {
            bodyFile = request.Sequence.ToString("D6", CultureInfo.InvariantCulture) + ".body";
            // Streamed, so a body spilled to disk is copied from its temp file rather than loaded into memory whole.
            using var body = request.OpenBody();
            using var file = new FileStream(Path.Combine(Directory, bodyFile), FileMode.Create, FileAccess.Write, FileShare.Read);
            body.CopyTo(file);
        }

        // The line is built in memory and written in one go with its newline, so a failed write (a full disk) never leaves
        // half a line that the next request's line would be glued to.
        _line.ResetWrittenCount();
        _json.Reset(_line);
        _json.WriteStartObject();
        _json.WriteNumber("sequence", request.Sequence);
        _json.WriteString("timestamp", request.Timestamp);
        _json.WriteString("method", request.Method);
        _json.WriteString("path", request.Path);
        _json.WriteString("query", request.QueryString);
        _json.WriteString("protocol", request.Protocol);
        _json.WriteNumber("status", request.StatusCode);
        if (duration is { } d)
        {
            _json.WriteNumber("durationMs", Math.Round(d.TotalMilliseconds, 3));
        }
        else
        {
            _json.WriteNull("durationMs");
        }

        _json.WriteBoolean("aborted", request.Aborted);
        _json.WriteStartObject("headers");
        foreach (var (name, values) in request.Headers)
        {
            _json.WriteStartArray(name);
            foreach (var value in values)
            {
                _json.WriteStringValue(value);
            }

            _json.WriteEndArray();
        }

        _json.WriteEndObject();
        _json.WriteNumber("bodyLength", request.BodyLength);
        _json.WriteNumber("responseBodyLength", request.ResponseBodyLength);
        if (bodyFile is null)
        {
            _json.WriteNull("bodyFile");
        }
        else
        {
            _json.WriteString("bodyFile", bodyFile);
        }

        _json.WriteEndObject();
        _json.Flush();
        _line.GetSpan(1)[0] = (byte)'\n';
        _line.Advance(1);
        _index.Write(_line.WrittenSpan);
    }

    public void Flush() => _index.Flush();

    /// <summary>Removes the empty recording of a run that never served, so the next try can use the same directory.</summary>
    public void Discard()
    {
        Dispose();
        try
        {
            File.Delete(Path.Combine(Directory, IndexFileName));
            if (_createdDirectory && !System.IO.Directory.EnumerateFileSystemEntries(Directory).Any())
            {
                System.IO.Directory.Delete(Directory);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind, the empty index only makes the next run ask for another directory; the start error matters more.
        }
    }

    public void Dispose()
    {
        _json.Dispose();
        try
        {
            // To the disk, not only to the OS cache: the record is what a killed CI job or a crashed machine leaves to look at.
            _index.Flush(flushToDisk: true);
        }
        catch (IOException ex)
        {
            Failure.Warn($"the record index could not be written: {ex.Message}");
        }
        catch (ObjectDisposedException)
        {
            // Already disposed by Discard.
        }

        _index.Dispose();
    }
}
