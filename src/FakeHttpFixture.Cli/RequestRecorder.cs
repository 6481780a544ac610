using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace FakeHttpFixture.Cli;

/// <summary>
/// Writes what <c>--record DIR</c> asks for: each request body to its own file (<c>000001.body</c>, named by sequence number)
/// and a line per request to <c>index.jsonl</c> with its sequence, method, path, headers and body file.
/// </summary>
/// <remarks>
/// Nothing half-written is left for a reader to trust. A body is written to a hidden temp name and renamed once whole; a body
/// that cannot be written (a full disk) is removed, and its request's line still goes to the index, with <c>bodyFile</c> null and
/// <c>bodyError</c> saying why. The index is appended a whole line at a time, and a line that fails part-way is cut off again.
/// </remarks>
internal sealed class RequestRecorder : IDisposable
{
    public const string IndexFileName = "index.jsonl";

    private readonly FileStream _index;
    private readonly ArrayBufferWriter<byte> _line = new(1024);
    private readonly Utf8JsonWriter _json;
    private readonly IReadOnlyList<string> _createdDirectories;

    private RequestRecorder(string directory, FileStream index, IReadOnlyList<string> createdDirectories)
    {
        Directory = directory;
        _createdDirectories = createdDirectories;
        _index = index;
        _json = new Utf8JsonWriter(_line);
    }

    public string Directory { get; }

    /// <summary>
    /// Makes the directory (and its missing parents) and refuses one that already holds a recording, which it would mix with this
    /// one; when that fails, every directory it made is removed again.
    /// </summary>
    public static RequestRecorder Create(string directory)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (File.Exists(full))
        {
            throw new CliException($"--record '{full}' is a file; give a directory (it is created if missing).");
        }

        var created = MissingDirectories(full);
        try
        {
            System.IO.Directory.CreateDirectory(full);

            // No buffer: each line goes to the file in one write, so a failed one can be cut off before the next is appended.
            var index = new FileStream(Path.Combine(full, IndexFileName), FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
            return new RequestRecorder(full, index, created);
        }
        catch (IOException) when (File.Exists(Path.Combine(full, IndexFileName)))
        {
            RemoveEmpty(created);
            throw new CliException($"--record '{full}' already holds a recording ({IndexFileName}); give a new or empty directory, or delete that one first.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            RemoveEmpty(created);
            throw new CliException($"--record '{full}' cannot be written: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Stores the body (when there is one) and appends the request's line to the index. Returns why the body could not be stored,
    /// or null; throws only when the index line itself could not be written.
    /// </summary>
    public string? Write(RecordedRequest request, TimeSpan? duration)
    {
        string? bodyFile = null;
        string? bodyError = null;
        if (request.BodyLength > 0)
        {
            var name = request.Sequence.ToString("D6", CultureInfo.InvariantCulture) + ".body";
            try
            {
                WriteBody(request, Path.Combine(Directory, name));
                bodyFile = name;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                bodyError = ex.Message;
            }
        }

        AppendLine(request, duration, bodyFile, bodyError);
        return bodyError;
    }

    /// <summary>Removes the empty recording of a run that never served, and every directory made for it, so the next try can use the same path.</summary>
    public void Discard()
    {
        Dispose();
        try
        {
            File.Delete(Path.Combine(Directory, IndexFileName));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind, the empty index only makes the next run ask for another directory; the start error matters more.
        }

        RemoveEmpty(_createdDirectories);
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

    // Streamed, so a body spilled to disk is copied from its temp file rather than loaded into memory whole; renamed once whole,
    // so a body file that exists is complete.
    private static void WriteBody(RecordedRequest request, string path)
    {
        var temp = Path.Join(Path.GetDirectoryName(path), "." + Path.GetFileName(path) + ".tmp");
        try
        {
            using (var body = request.OpenBody())
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                body.CopyTo(file);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A hidden leftover; the error that made it is what gets reported.
            }

            throw;
        }
    }

    private void AppendLine(RecordedRequest request, TimeSpan? duration, string? bodyFile, string? bodyError)
    {
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

        if (bodyError is not null)
        {
            _json.WriteString("bodyError", bodyError);
        }

        _json.WriteEndObject();
        _json.Flush();
        _line.GetSpan(1)[0] = (byte)'\n';
        _line.Advance(1);

        // A write that fails part-way (a full disk) is cut back to the last whole line, so the next line is not glued to half of this one.
        var end = _index.Position;
        try
        {
            _index.Write(_line.WrittenSpan);
        }
        catch (IOException)
        {
            try
            {
                _index.SetLength(end);
                _index.Position = end;
            }
            catch (IOException)
            {
                // Truncating needs no space; if even that fails, the error below is still reported.
            }

            throw;
        }
    }

    // The directories Create is about to make, deepest first, so that a failed start can remove exactly those.
    private static List<string> MissingDirectories(string full)
    {
        var missing = new List<string>();
        for (var current = full; current is not null && !System.IO.Directory.Exists(current); current = Path.GetDirectoryName(current))
        {
            missing.Add(current);
        }

        return missing;
    }

    private static void RemoveEmpty(IReadOnlyList<string> directories)
    {
        foreach (var directory in directories)
        {
            try
            {
                if (System.IO.Directory.Exists(directory) && !System.IO.Directory.EnumerateFileSystemEntries(directory).Any())
                {
                    System.IO.Directory.Delete(directory);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // What cannot be removed stays; the error that ended the start is what the user needs to read.
            }
        }
    }
}
