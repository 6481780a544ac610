using Microsoft.Net.Http.Headers;

namespace FakeHttpFixture;

/// <summary>
/// Turns a Range header into the byte ranges to send (RFC 9110 section 14). Parsing is ASP.NET Core's RangeHeaderValue; the
/// selection is by hand because ASP.NET Core's RangeHelper is internal and serves only single ranges, while multipart/byteranges
/// needs all of them.
/// </summary>
internal static class ByteRanges
{
    /// <summary>More ranges than this is a pathological request; the whole file is sent instead, which RFC 9110 allows.</summary>
    private const int MaxRanges = 64;

    /// <summary>Returns the ranges to send: null to ignore the header and send everything, empty when none is satisfiable (416).</summary>
    public static List<(long Start, long Length)>? Select(string header, long length)
    {
        if (!RangeHeaderValue.TryParse(header, out var parsed)
            || !parsed.Unit.Equals("bytes", StringComparison.OrdinalIgnoreCase)
            || parsed.Ranges.Count > MaxRanges)
        {
            return null;
        }

        var selected = new List<(long Start, long Length)>(parsed.Ranges.Count);
        foreach (var range in parsed.Ranges)
        {
            if (range.From is { } from)
            {
                if (from < length)
                {
                    var end = range.To is { } to && to < length ? to : length - 1;
                    selected.Add((from, end - from + 1));
                }
            }
            else if (range.To is { } suffix && suffix > 0 && length > 0)
            {
                var start = Math.Max(0, length - suffix);
                selected.Add((start, length - start));
            }
        }

        return selected.Count > 1 ? CoalesceOverlaps(selected) : selected;
    }

    // Overlapping ranges would send the same bytes twice; RFC 9110 lets the server merge them. Ranges that do not overlap keep the client's order.
    private static List<(long Start, long Length)> CoalesceOverlaps(List<(long Start, long Length)> ranges)
    {
        var sorted = new List<(long Start, long Length)>(ranges);
        sorted.Sort((a, b) => a.Start.CompareTo(b.Start));
        var overlap = false;
        for (var i = 1; i < sorted.Count; i++)
        {
            overlap |= sorted[i].Start < sorted[i - 1].Start + sorted[i - 1].Length;
        }

        if (!overlap)
        {
            return ranges;
        }

        var merged = new List<(long Start, long Length)> { sorted[0] };
        for (var i = 1; i < sorted.Count; i++)
        {
            var last = merged[^1];
            var lastEnd = last.Start + last.Length;
            if (sorted[i].Start <= lastEnd)
            {
                merged[^1] = (last.Start, Math.Max(lastEnd, sorted[i].Start + sorted[i].Length) - last.Start);
            }
            else
            {
                merged.Add(sorted[i]);
            }
        }

        return merged;
    }
}
