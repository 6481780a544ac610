using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace FakeHttpFixture;

/// <summary>
/// One file as the responders see it: its bytes (in memory) or its path (on disk), and the validators sent with it.
/// The header strings are made once here, so an in-memory file is answered without formatting anything per request.
/// </summary>
internal sealed class ServedFile
{
    /// <summary>Initializes an in-memory file; its ETag is a hash of its content, computed once.</summary>
    public ServedFile(byte[] content, DateTimeOffset lastModified)
    {
        Content = content;
        Length = content.LongLength;
        LastModified = TruncateToSeconds(lastModified);
        LastModifiedText = HeaderUtilities.FormatDate(LastModified);
        ETag = ContentTag.Of(content);
    }

    /// <summary>Initializes a file on disk; like nginx, its ETag is made of its modification time and length, since hashing the file on each request would cost a full read.</summary>
    public ServedFile(string physicalPath, long length, DateTime lastWriteUtc)
    {
        PhysicalPath = physicalPath;
        Length = length;
        LastWriteUtc = lastWriteUtc;
        LastModified = TruncateToSeconds(new DateTimeOffset(lastWriteUtc, TimeSpan.Zero));
        LastModifiedText = HeaderUtilities.FormatDate(LastModified);
        ETag = string.Create(CultureInfo.InvariantCulture, $"\"{lastWriteUtc.Ticks:x}-{length:x}\"");
    }

    /// <summary>Initializes a small file on disk held in memory by <see cref="SmallFileCache"/>: validators of a file on disk, bytes of an in-memory one.</summary>
    public ServedFile(string physicalPath, string targetPath, byte[] content, DateTime lastWriteUtc)
        : this(physicalPath, content.LongLength, lastWriteUtc)
    {
        Content = content;
        TargetPath = targetPath;
    }

    /// <summary>Gets the bytes of an in-memory file, or null for a file on disk.</summary>
    public byte[]? Content { get; }

    /// <summary>Gets the full path of a file on disk, or null for an in-memory file.</summary>
    public string? PhysicalPath { get; }

    public long Length { get; }

    /// <summary>Gets the exact write time of a file on disk, which <see cref="SmallFileCache"/> compares; default for an in-memory file.</summary>
    public DateTime LastWriteUtc { get; }

    /// <summary>Gets the path the cached bytes were read from (a link's target), or null when the file is not cached.</summary>
    public string? TargetPath { get; }

    /// <summary>Gets the modification time, in whole seconds because HTTP dates have no fractions.</summary>
    public DateTimeOffset LastModified { get; }

    public string LastModifiedText { get; }

    /// <summary>Gets the strong entity tag, quotes included.</summary>
    public string ETag { get; }

    internal static DateTimeOffset TruncateToSeconds(DateTimeOffset value)
    {
        var utc = value.UtcTicks;
        return new DateTimeOffset(utc - (utc % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
