using System.Globalization;
using FakeHttpFixture.Tests.Reliability;

namespace FakeHttpFixture.Tests.Proxy;

/// <summary>
/// A 1 GiB download and a 1 GiB upload through the proxy stream a buffer at a time: the bytes arrive whole and in order, the
/// recorded bodies go to temp files, and the process neither allocates nor holds anything near the body's size. The measures are
/// the process's allocations and its peak resident memory, not time; the test runs alone, so they are its own.
/// </summary>
[Trait("Category", "Reliability")]
[Collection(SoakCollection.Name)]
public sealed class LargeBodyTests
{
    private const long GiB = 1024L * 1024 * 1024;

    // Far below the body: a body held whole, or copied once into memory, would blow either bound by an order of magnitude.
    private const long AllocationBound = 64L * 1024 * 1024;
    private const long PeakGrowthBound = 256L * 1024 * 1024;

    [Fact]
    public async Task A_1_GiB_download_through_the_proxy_streams_and_is_recorded_on_disk()
    {
        await using var upstream = HttpFixtureServer.Start(new FileTree());
        upstream.Stub(HttpMethod.Get, "/huge.bin").Respond(StubResponse.Stream(() => new PatternStream(GiB)));
        var completed = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var proxy = HttpFixtureServer.Start(o =>
        {
            o.ProxyTo(upstream.BaseAddress);
            o.OnRequestCompleted = r => completed.TrySetResult(r);
        });
        using var client = proxy.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5);
        var before = Measure.Start();

        using var response = await client.GetAsync("huge.bin", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        response.Content.Headers.ContentLength.ShouldBe(GiB);
        await using (var body = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken))
        {
            (await PatternStream.VerifyAsync(body)).ShouldBe(GiB);
        }

        // The exchange completes a moment after the client has read the last byte (the journal's waits are woken by arrivals).
        var recorded = await completed.Task.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        var used = before.Stop();
        TestContext.Current.TestOutputHelper?.WriteLine($"1 GiB download through the proxy: {used}");
        used.Allocated.ShouldBeLessThan(AllocationBound, used.ToString());
        used.PeakGrowth.ShouldBeLessThan(PeakGrowthBound, used.ToString());
        recorded.ResponseBodyLength.ShouldBe(GiB);
        await using (var kept = recorded.OpenResponseBody()!)
        {
            kept.ShouldBeOfType<FileStream>().Length.ShouldBe(GiB);
            (await PatternStream.VerifyAsync(kept)).ShouldBe(GiB);
        }
    }

    [Fact]
    public async Task A_1_GiB_upload_through_the_proxy_streams_to_the_upstream()
    {
        await using var upstream = HttpFixtureServer.Start(new FileTree(), o => o.FallbackStatusCode = 201);
        await using var proxy = HttpFixtureServer.Start(o => o.ProxyTo(upstream.BaseAddress));
        using var client = proxy.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5);
        var before = Measure.Start();

        using var response = await client.PutAsync("upload.bin", new StreamContent(new PatternStream(GiB), 64 * 1024), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
        var used = before.Stop();
        TestContext.Current.TestOutputHelper?.WriteLine($"1 GiB upload through the proxy: {used}");
        used.Allocated.ShouldBeLessThan(AllocationBound, used.ToString());
        used.PeakGrowth.ShouldBeLessThan(PeakGrowthBound, used.ToString());
        proxy.Requests.ShouldHaveSingleItem().BodySpilled.ShouldBeTrue();
        var received = upstream.Requests.ShouldHaveSingleItem();
        received.BodyLength.ShouldBe(GiB);
        await using var body = received.OpenBody();
        (await PatternStream.VerifyAsync(body)).ShouldBe(GiB);
    }

    private sealed record Measure(long AllocatedBefore, long RssBefore)
    {
        public long Allocated { get; private init; }

        public long PeakGrowth { get; private init; }

        public static Measure Start()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();

            // Writing 5 to clear_refs sets the peak (VmHWM) back to the current resident size, so the next peak is this transfer's.
            File.WriteAllText("/proc/self/clear_refs", "5");
            return new Measure(GC.GetTotalAllocatedBytes(precise: true), Kilobytes("VmRSS") * 1024);
        }

        public Measure Stop() => this with
        {
            Allocated = GC.GetTotalAllocatedBytes(precise: true) - AllocatedBefore,
            PeakGrowth = (Kilobytes("VmHWM") * 1024) - RssBefore,
        };

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Allocated / 1024.0 / 1024:0.0} MiB allocated, peak resident memory {PeakGrowth / 1024.0 / 1024:0.0} MiB above the start");

        private static long Kilobytes(string field)
        {
            var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            var value = line.AsSpan(field.Length + 1).Trim();
            return long.Parse(value[..value.IndexOf(' ')], CultureInfo.InvariantCulture);
        }
    }
}
