using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;

namespace FakeHttpFixture.Benchmarks;

/// <summary>Turns the BenchmarkDotNet summaries into the ratio table of docs/benchmarks.md, with the issue's targets beside each ratio.</summary>
internal static class RatioTable
{
    // Scenario → (is the target on throughput rather than time, target vs Kestrel, target vs WireMock).
    private static readonly Dictionary<string, (bool Throughput, double? Kestrel, double? WireMock)> Targets = new()
    {
        ["StartGetDispose"] = (false, 1.5, 0.3),
        ["GetFileTree"] = (true, 0.8, null),
        ["GetDirectory"] = (true, 0.8, null),
        ["GetStub"] = (true, null, null),
        ["Post1KiB"] = (true, 0.85, null),
        ["Concurrent16"] = (true, 0.75, null),
        ["GetProxied"] = (false, 1.3, null),
        ["GetProxiedService1ms"] = (false, 1.3, null),
        ["SseEvents"] = (true, 0.8, null),
        ["WebSocketEcho"] = (true, 0.8, null),
        ["GetThroughChaos"] = (true, null, null),
        ["GetThroughRateLimit"] = (true, null, null),
        ["GrpcUnary"] = (false, 1.2, null), // the Kestrel column is a real Grpc.AspNetCore service here
    };

    private static readonly string[] Order = ["StartGetDispose", "StartDispose", "GetFileTree", "GetDirectory", "GetStub", "Post1KiB", "Put10MiB", "WaitLatency", "Concurrent16", "GetProxied", "GetProxiedService1ms", "GetReplayed", "SseEvents", "WebSocketEcho", "GetThroughChaos", "GetThroughRateLimit", "GrpcUnary"];

    private static readonly string[] TablePeers = ["Kestrel", "Fixture", "WireMock"];

    public static string Build(IEnumerable<Summary> summaries)
    {
        var rows = new Dictionary<string, Dictionary<string, (double Median, long? Allocated)>>();
        foreach (var summary in summaries)
        {
            foreach (var report in summary.Reports)
            {
                if (report.ResultStatistics is null)
                {
                    continue;
                }

                var scenario = report.BenchmarkCase.Descriptor.Type.Name;
                var peer = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
                var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
                if (!rows.TryGetValue(scenario, out var peers))
                {
                    rows[scenario] = peers = [];
                }

                peers[peer] = (report.ResultStatistics.Median, allocated);
            }
        }

        return Build(rows, includeAllocations: true);
    }

    /// <summary>Builds the table from medians in nanoseconds per operation, by scenario and then by peer (Kestrel, Fixture, WireMock).</summary>
    public static string Build(Dictionary<string, Dictionary<string, (double Median, long? Allocated)>> rows, bool includeAllocations)
    {
        var paired = rows.Where(r => !r.Value.ContainsKey("Fixture")).ToDictionary();
        var text = new StringBuilder();
        if (paired.Count == rows.Count)
        {
            return BuildPairs(paired, text).ToString();
        }

        rows = rows.Where(r => r.Value.ContainsKey("Fixture")).ToDictionary();
        text.AppendLine(includeAllocations
            ? "| Scenario | Raw Kestrel | FakeHttpFixture | WireMock.Net | Fixture vs Kestrel | Fixture vs WireMock | Target | Fixture alloc/op |"
            : "| Scenario | Raw Kestrel | FakeHttpFixture | WireMock.Net | Fixture vs Kestrel | Fixture vs WireMock | Target |");
        text.AppendLine(includeAllocations ? "|---|--:|--:|--:|--:|--:|---|--:|" : "|---|--:|--:|--:|--:|--:|---|");
        foreach (var scenario in Order.Where(rows.ContainsKey).Concat(rows.Keys.Except(Order)))
        {
            var peers = rows[scenario];
            var kestrel = peers.GetValueOrDefault("Kestrel").Median;
            var fixture = peers.GetValueOrDefault("Fixture").Median;
            var wireMock = peers.GetValueOrDefault("WireMock").Median;
            Targets.TryGetValue(scenario, out var target);
            text.Append(CultureInfo.InvariantCulture, $"| {scenario} | {Time(kestrel)} | {Time(fixture)} | {Time(wireMock)} | ");
            text.Append(Ratio(fixture, kestrel, target.Throughput)).Append(" | ");
            text.Append(Ratio(fixture, wireMock, target.Throughput)).Append(" | ");
            text.Append(Verdict(fixture, kestrel, wireMock, target)).Append(" |");
            if (includeAllocations)
            {
                text.Append(' ').Append(Bytes(peers.GetValueOrDefault("Fixture").Allocated)).Append(" |");
            }

            text.AppendLine();
        }

        foreach (var scenario in Order.Where(rows.ContainsKey).Concat(rows.Keys.Except(Order)))
        {
            // Peers a scenario adds (a raw Kestrel proxy, a replaying fixture) are compared with the fixture of the same rounds.
            var fixture = rows[scenario].GetValueOrDefault("Fixture").Median;
            foreach (var (peer, (median, _)) in rows[scenario].Where(p => !TablePeers.Contains(p.Key)))
            {
                text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- {scenario}, {peer}: {Time(median)}; {peer} ÷ FakeHttpFixture = {(fixture > 0 ? (median / fixture).ToString("0.00", CultureInfo.InvariantCulture) : "n/a")}× time"));
            }
        }

        text.AppendLine();
        text.AppendLine("Times are medians per operation. A ratio marked \"time\" is fixture time ÷ peer time (lower is better); one marked \"throughput\" is peer time ÷ fixture time (higher is better).");
        if (paired.Count != 0)
        {
            text.AppendLine();
            BuildPairs(paired, text);
        }

        return text.ToString();
    }

    /// <summary>The scenarios that compare two ways of using the fixture (such as Direct and Routed), the first peer being the baseline.</summary>
    private static StringBuilder BuildPairs(Dictionary<string, Dictionary<string, (double Median, long? Allocated)>> rows, StringBuilder text)
    {
        text.AppendLine("| Scenario | Baseline | Compared | Compared ÷ baseline (time) |");
        text.AppendLine("|---|--:|--:|--:|");
        foreach (var (scenario, peers) in rows)
        {
            var ordered = peers.ToList();
            var (baseline, baselineTime) = (ordered[0].Key, ordered[0].Value.Median);
            foreach (var (peer, value) in ordered.Skip(1))
            {
                var ratio = baselineTime > 0 && value.Median > 0 ? string.Create(CultureInfo.InvariantCulture, $"{value.Median / baselineTime:0.00}×") : "n/a";
                text.AppendLine(CultureInfo.InvariantCulture, $"| {scenario} | {baseline} {Time(baselineTime)} | {peer} {Time(value.Median)} | {ratio} |");
            }
        }

        return text;
    }

    private static string Ratio(double fixture, double peer, bool throughput)
    {
        if (fixture <= 0 || peer <= 0)
        {
            return "n/a";
        }

        return throughput
            ? string.Create(CultureInfo.InvariantCulture, $"{peer / fixture:0.00}× throughput")
            : string.Create(CultureInfo.InvariantCulture, $"{fixture / peer:0.00}× time");
    }

    private static string Verdict(double fixture, double kestrel, double wireMock, (bool Throughput, double? Kestrel, double? WireMock) target)
    {
        var parts = new List<string>();
        if (target.Kestrel is { } k && kestrel > 0 && fixture > 0)
        {
            var met = target.Throughput ? kestrel / fixture >= k : fixture / kestrel <= k;
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{(target.Throughput ? "≥" : "≤")} {k}× Kestrel {(met ? "met" : "MISSED")}"));
        }

        if (target.WireMock is { } w && wireMock > 0 && fixture > 0)
        {
            var met = fixture / wireMock <= w;
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"≤ {w}× WireMock {(met ? "met" : "MISSED")}"));
        }

        return parts.Count == 0 ? "—" : string.Join("; ", parts);
    }

    private static string Time(double nanoseconds) => nanoseconds switch
    {
        <= 0 => "n/a",
        < 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1_000:0.0} µs"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{nanoseconds / 1_000_000:0.00} ms"),
    };

    private static string Bytes(long? bytes) => bytes switch
    {
        null => "n/a",
        < 10 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 10 * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MiB"),
    };
}
