using System.Globalization;

namespace FakeHttpFixture.Benchmarks;

/// <summary>Reads this process's memory figures from /proc/self/status (Linux), and resets the peak through /proc/self/clear_refs.</summary>
internal static class ProcStatus
{
    public static long Kilobytes(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var value = line.AsSpan(field.Length + 1).Trim();
                return long.Parse(value[..value.IndexOf(' ')], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/proc/self/status has no {field} line; the memory mode needs Linux.");
    }

    /// <summary>Writing 5 to clear_refs sets VmHWM back to the current RSS, so the next peak is the upload's alone.</summary>
    public static void ResetPeak() => File.WriteAllText("/proc/self/clear_refs", "5");
}
