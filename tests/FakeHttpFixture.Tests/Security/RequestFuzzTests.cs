using System.Globalization;
using System.Text;
using FakeHttpFixture.Tests.Reliability;

namespace FakeHttpFixture.Tests.Security;

/// <summary>
/// A bounded, seeded fuzz of raw request bytes: well-formed requests, mutated. The seed changes every day and is printed,
/// so a failure can be replayed with FAKEHTTP_FUZZ_SEED. The server must survive, never answer 5xx (an exception of
/// ours), and keep a journal with contiguous sequence numbers and every answered request in it.
/// </summary>
[Trait("Category", "Security")]
public sealed class RequestFuzzTests
{
    private const int Mutants = 500;
    private const int Parallel = 16;

    private static readonly string[] Corpus =
    [
        "GET /ok.txt?a=1&b=%20 HTTP/1.1\r\nHost: x\r\nAccept: */*\r\nX-Fuzz: {n}\r\n\r\n",
        "HEAD /ok.txt HTTP/1.1\r\nHost: x\r\nX-Fuzz: {n}\r\nIf-None-Match: \"abc\"\r\n\r\n",
        "POST /form HTTP/1.1\r\nHost: x\r\nX-Fuzz: {n}\r\nContent-Type: application/x-www-form-urlencoded; charset=utf-8\r\nContent-Length: 11\r\n\r\nhello=world",
        "PUT /files/a%20b.json HTTP/1.1\r\nHost: x\r\nX-Fuzz: {n}\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n3;ext=1\r\n42}\r\n0\r\nX-Trailer: t\r\n\r\n",
        "DELETE /items/7 HTTP/1.1\r\nHost: x:80\r\nX-Fuzz: {n}\r\nContent-Length: 0\r\n\r\n",
        "OPTIONS * HTTP/1.1\r\nHost: x\r\nX-Fuzz: {n}\r\n\r\n",
        "GET http://x/ok.txt HTTP/1.1\r\nHost: x\r\nX-Fuzz: {n}\r\nRange: bytes=0-1\r\n\r\n",
        "GET /caf%C3%A9/../ok.txt HTTP/1.0\r\nX-Fuzz: {n}\r\nCookie: a=b; c=d\r\n\r\n",
        "PATCH /p HTTP/1.1\r\nHost: [::1]:8080\r\nX-Fuzz: {n}\r\nContent-Type: text/plain; charset=latin1\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n\u00e9t\u00e9\r",
    ];

    private static readonly byte[] Interesting = Encoding.Latin1.GetBytes("\0\r\n \t:;,/\\.%?#\"'<>=\u007f\u0080\u00c3\u00ff0123456789aAfFxX-");

    [Fact]
    public async Task Five_hundred_mutated_requests_leave_the_server_serving_and_its_journal_consistent()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FAKEHTTP_FUZZ_SEED"), CultureInfo.InvariantCulture, out var given)
            ? given
            : int.Parse(DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        TestContext.Current.TestOutputHelper?.WriteLine($"Fuzz seed {seed}: replay with FAKEHTTP_FUZZ_SEED={seed}.");
        var random = new Random(seed);
        var mutants = Enumerable.Range(0, Mutants).Select(n => Mutate(random, Encoding.Latin1.GetBytes(Corpus[n % Corpus.Length].Replace("{n}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)))).ToArray();

        await using var server = HttpFixtureServer.Start(new FileTree { ["ok.txt"] = "fine" });
        var replies = new RawReply[Mutants];
        using var hangCheck = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, Mutants), new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = hangCheck.Token }, async (n, _) =>
        {
            // A mutant cut short leaves the server waiting for the rest; 500 ms of silence ends the exchange from our side.
            replies[n] = await RawReply.ExchangeAsync(server.Port, mutants[n], TimeSpan.FromMilliseconds(500));
        });

        var statuses = replies.Select(r => r.StatusCode).ToArray();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", statuses.GroupBy(s => s?.ToString(CultureInfo.InvariantCulture) ?? "none").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}")));
        for (var n = 0; n < Mutants; n++)
        {
            (statuses[n] is null or < 500 or 505).ShouldBeTrue($"mutant {n} (seed {seed}) got a server error: {replies[n]}\nsent: {Escape(mutants[n])}");
        }

        var requests = server.Requests;
        requests.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, requests.Count).Select(i => (long)i), $"seed {seed}: sequences must run 1, 2, 3 … with no gap and no repeat");
        requests.ShouldAllBe(r => r.StatusCode < 500, $"seed {seed}: no recorded request may have failed in the server");
        var recordedIds = requests.SelectMany(r => r.Headers.TryGetValue("X-Fuzz", out var ids) ? ids : []).ToHashSet(StringComparer.Ordinal);
        for (var n = 0; n < Mutants; n++)
        {
            var id = n.ToString(CultureInfo.InvariantCulture);
            if (HeadCarries(mutants[n], $"\r\nX-Fuzz: {id}\r\n") && statuses[n] is >= 200 and < 300)
            {
                recordedIds.Contains(id).ShouldBeTrue($"mutant {n} (seed {seed}) was answered {statuses[n]} but is not in the journal; sent: {Escape(mutants[n])}; got {replies[n]}");
            }
        }

        var next = await RawReply.ExchangeAsync(server.Port, Encoding.ASCII.GetBytes("GET /ok.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), TimeSpan.FromSeconds(10));
        next.StatusCode.ShouldBe(200, $"seed {seed}: after the fuzz a well-formed request got {next}");
        next.Text.ShouldEndWith("fine");
    }

    private static byte[] Mutate(Random random, byte[] request)
    {
        var bytes = new List<byte>(request);
        var count = random.Next(1, 5);
        for (var m = 0; m < count && bytes.Count > 0; m++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(8))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 2:
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 3:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 16), bytes.Count - at));
                    break;
                case 4:
                    var length = Math.Min(random.Next(1, 32), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                case 5:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 6:
                    bytes.InsertRange(at, Encoding.Latin1.GetBytes($"\r\nX-{random.Next(100)}: {new string('v', random.Next(0, 3) == 0 ? 40_000 : 8)}\r\n"));
                    break;
                default:
                    bytes.InsertRange(at, Encoding.Latin1.GetBytes(random.Next(4) switch { 0 => "%00", 1 => "%2e%2e/", 2 => "\r\n\r\n", _ => "99999999999" }));
                    break;
            }
        }

        return [.. bytes];
    }

    // Whether the first message's header block, which ends at the first blank line (CRLF or bare LF), holds the line.
    private static bool HeadCarries(byte[] bytes, string line)
    {
        var text = Encoding.Latin1.GetString(bytes);
        var at = text.IndexOf(line, StringComparison.Ordinal);
        var crlf = text.IndexOf("\n\r\n", StringComparison.Ordinal);
        var lf = text.IndexOf("\n\n", StringComparison.Ordinal);
        var end = crlf < 0 ? lf : lf < 0 ? crlf : Math.Min(crlf, lf);
        return at >= 0 && (end < 0 || at < end);
    }

    private static string Escape(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        return text.Length > 400 ? text[..400] + "…" : text.ReplaceLineEndings("⏎");
    }
}
