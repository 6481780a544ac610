using System.Net;

namespace FakeHttpFixture.Benchmarks;

/// <summary>A request body of any length streamed from one 64 KiB buffer, so the client adds no memory of its own to an upload.</summary>
internal sealed class RepeatedContent : HttpContent
{
    private readonly long _length;

    public RepeatedContent(long length)
    {
        _length = length;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var chunk = new byte[64 * 1024];
        new Random(17).NextBytes(chunk);
        for (var left = _length; left > 0;)
        {
            var count = (int)Math.Min(chunk.Length, left);
            await stream.WriteAsync(chunk.AsMemory(0, count));
            left -= count;
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }
}
