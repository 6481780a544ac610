namespace FakeHttpFixture;

/// <summary>
/// Shared slabs that small request bodies are copied into, many to an array: the journal keeps every request, and under load
/// one 1 KiB array per request is an object for the GC to mark and copy on every promotion, while a slab is one for hundreds.
/// A body's bytes are written once, before its request joins the journal, and never again; <see cref="RecordedRequest.Body"/>
/// hands out a copy, so no caller can reach a neighbour's bytes.
/// </summary>
internal static class BodySlab
{
    /// <summary>The largest body put in a slab; larger ones get an array of their own.</summary>
    public const int MaxBody = 4 * 1024;

    // Large enough for the large object heap, which the young-generation collections never copy: under wrk this did better
    // than 64 KiB slabs, which every promotion copies again (docs/benchmarks.md).
    private const int Size = 1024 * 1024;
    private static readonly Lock Renewing = new();
    private static Slab s_current = new();

    /// <summary>Reserves <paramref name="length"/> bytes (at most <see cref="MaxBody"/>) that no other body will use.</summary>
    public static ArraySegment<byte> Reserve(int length)
    {
        while (true)
        {
            var slab = Volatile.Read(ref s_current);
            var end = Interlocked.Add(ref slab.Used, length);
            if (end <= Size)
            {
                return new ArraySegment<byte>(slab.Bytes, end - length, length);
            }

            lock (Renewing)
            {
                if (ReferenceEquals(s_current, slab))
                {
                    Volatile.Write(ref s_current, new Slab());
                }
            }
        }
    }

    private sealed class Slab
    {
        public readonly byte[] Bytes = GC.AllocateUninitializedArray<byte>(Size);
        public int Used;
    }
}
