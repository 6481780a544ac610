using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture.Fuzz;

/// <summary>
/// Preconditions.Evaluate over a header block, for a file on disk and for an in-memory file. The answer is one of 200, 304 and
/// 412, and only the headers that can give it do: 304 needs If-None-Match or If-Modified-Since, 412 needs If-Match or
/// If-Unmodified-Since.
/// </summary>
internal sealed class ConditionalTarget : FuzzTarget
{
    /// <summary>The modification time of the fuzzed files: the seeds' ETag and dates are made from it.</summary>
    public static readonly DateTime FileTime = new(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private static readonly ServedFile DiskFile = new("/fuzz/file.bin", 1000, FileTime);
    private static readonly ServedFile MemoryFile = new("fuzz"u8.ToArray(), FileTime);

    public override string Name => "conditional";

    public override string Description => $"Preconditions.Evaluate + IfRangeHolds: the input is header lines (If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since, If-Range); the file's ETag is {DiskFile.ETag}, Last-Modified {DiskFile.LastModifiedText}.";

    public override void Run(ReadOnlySpan<byte> input)
    {
        var lines = new List<KeyValuePair<string, string>>();
        FuzzInput.Headers(input, lines);
        IHeaderDictionary headers = new HeaderDictionary();
        foreach (var (name, value) in lines)
        {
            headers.Append(name, value);
        }

        foreach (var file in (ServedFile[])[DiskFile, MemoryFile])
        {
            var status = Preconditions.Evaluate(headers, file);
            FuzzCheck.That(status is 200 or 304 or 412, $"status {status} is 200, 304 or 412");
            FuzzCheck.That(status != 304 || headers.IfNoneMatch.Count != 0 || headers.IfModifiedSince.Count != 0, "304 comes from If-None-Match or If-Modified-Since");
            FuzzCheck.That(status != 412 || headers.IfMatch.Count != 0 || headers.IfUnmodifiedSince.Count != 0, "412 comes from If-Match or If-Unmodified-Since");
            if (headers.IfRange.Count != 0)
            {
                Preconditions.IfRangeHolds(headers.IfRange.ToString(), file);
            }
        }
    }
}
