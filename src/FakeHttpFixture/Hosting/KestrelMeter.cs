using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace FakeHttpFixture;

/// <summary>
/// Disposes the metrics <see cref="Meter"/> that KestrelServer's public constructor makes for itself and never disposes.
/// A meter stays in a process-wide list until it is disposed, so without this every server leaks one (a few KB,
/// and one more meter for every metrics listener in the test process to walk). Kestrel publishes the meter's instruments
/// on the constructing thread, which is how a listener tells this server's meter from those of servers started in parallel.
/// </summary>
internal static class KestrelMeter
{
    private const string MeterName = "Microsoft.AspNetCore.Server.Kestrel";

    [ThreadStatic]
    private static Meter? t_published;

    [ThreadStatic]
    private static bool t_watching;

    private static readonly ConditionalWeakTable<KestrelServer, Meter> Meters = [];
    private static readonly MeterListener Listener = StartListener();

    public static KestrelServer Create(Func<KestrelServer> create)
    {
        _ = Listener;
        t_watching = true;
        t_published = null;
        try
        {
            var server = create();
            if (t_published is { } meter)
            {
                Meters.AddOrUpdate(server, meter);
            }

            return server;
        }
        finally
        {
            t_watching = false;
            t_published = null;
        }
    }

    public static void Release(KestrelServer server)
    {
        if (Meters.TryGetValue(server, out var meter))
        {
            Meters.Remove(server);
            meter.Dispose();
        }
    }

    private static MeterListener StartListener()
    {
        var listener = new MeterListener
        {
            InstrumentPublished = static (instrument, _) =>
            {
                if (t_watching && instrument.Meter.Name == MeterName)
                {
                    t_published = instrument.Meter;
                }
            },
        };
        listener.Start();
        return listener;
    }
}
