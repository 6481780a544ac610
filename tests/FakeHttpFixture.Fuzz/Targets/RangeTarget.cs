using System.Globalization;

namespace FakeHttpFixture.Fuzz;

/// <summary>
/// The Range decision FileSender makes: If-Range (Preconditions.IfRangeHolds), then ByteRanges.Select. Every range chosen must
/// lie inside the file, be non-empty, and not overlap another (overlaps are merged).
/// </summary>
internal sealed class RangeTarget : FuzzTarget
{
    public override string Name => "range";

    public override string Description => "ByteRanges.Select + Preconditions.IfRangeHolds: line 1 the file length, line 2 the Range header, line 3 an If-Range header (optional).";

    public override void Run(ReadOnlySpan<byte> input)
    {
        input = FuzzInput.FirstLine(input, out var lengthLine);
        input = FuzzInput.FirstLine(input, out var range);
        FuzzInput.FirstLine(input, out var ifRange);
        if (!long.TryParse(lengthLine, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            length = 10_000;
        }

        var file = new ServedFile("/fuzz/file.bin", length, ConditionalTarget.FileTime);
        if (ifRange.Length != 0)
        {
            var holds = Preconditions.IfRangeHolds(ifRange, file);
            FuzzCheck.That(!holds || ifRange.Contains(file.ETag, StringComparison.Ordinal) || !ifRange.Contains('"', StringComparison.Ordinal), "If-Range holds only for this file's entity tag or a date");
        }

        var ranges = ByteRanges.Select(range, length);
        if (ranges is null)
        {
            return;
        }

        FuzzCheck.That(ranges.Count <= 64, $"{ranges.Count} ranges chosen; more than 64 should have sent the whole file");
        foreach (var (start, count) in ranges)
        {
            FuzzCheck.That(start >= 0 && count >= 1 && start <= length - count, $"range {start}+{count} lies inside a file of {length} bytes");
        }

        var sorted = ranges.OrderBy(r => r.Start).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            FuzzCheck.That(sorted[i].Start >= sorted[i - 1].Start + sorted[i - 1].Length, $"ranges {sorted[i - 1]} and {sorted[i]} overlap");
        }
    }
}
