using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>Writes a body at once, in flushed chunks, or throttled to a rate.</summary>
internal static class BodyPump
{
    // A throttled body goes out in slices a tenth of a second apart: smooth enough for progress bars, few enough timers.
    private static readonly TimeSpan ThrottleTick = TimeSpan.FromMilliseconds(100);

    public static async Task WriteAsync(HttpResponse http, ReadOnlyMemory<byte> body, StubResponse response, CancellationToken token)
    {
        var slice = SliceSize(response);
        if (slice == 0)
        {
            await http.Body.WriteAsync(body, token).ConfigureAwait(false);
            return;
        }

        for (var offset = 0; offset < body.Length; offset += slice)
        {
            await WriteSliceAsync(http, body.Slice(offset, Math.Min(slice, body.Length - offset)), response, offset == 0, token).ConfigureAwait(false);
        }
    }

    public static async Task CopyAsync(HttpResponse http, Stream stream, long limit, StubResponse response, CancellationToken token)
    {
        var slice = SliceSize(response);
        var buffer = new byte[slice == 0 ? 64 * 1024 : slice];
        var first = true;
        while (limit > 0)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit)), token).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            limit -= read;
            if (slice == 0)
            {
                await http.Body.WriteAsync(buffer.AsMemory(0, read), token).ConfigureAwait(false);
            }
            else
            {
                await WriteSliceAsync(http, buffer.AsMemory(0, read), response, first, token).ConfigureAwait(false);
            }

            first = false;
        }
    }

    private static int SliceSize(StubResponse response)
    {
        if (response.BytesPerSecond > 0)
        {
            var perTick = (int)Math.Max(1, response.BytesPerSecond * ThrottleTick.TotalSeconds);
            return response.ChunkSize > 0 ? Math.Min(perTick, response.ChunkSize) : perTick;
        }

        return response.ChunkSize;
    }

    private static async Task WriteSliceAsync(HttpResponse http, ReadOnlyMemory<byte> slice, StubResponse response, bool first, CancellationToken token)
    {
        if (response.BytesPerSecond > 0 && !first)
        {
            await Task.Delay(TimeSpan.FromSeconds((double)slice.Length / response.BytesPerSecond), token).ConfigureAwait(false);
        }

        await http.Body.WriteAsync(slice, token).ConfigureAwait(false);
        await http.Body.FlushAsync(token).ConfigureAwait(false);
    }
}
