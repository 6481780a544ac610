using System.Buffers;
using System.Runtime.CompilerServices;

namespace FakeHttpFixture;

/// <content>Writing a spilled body to its temp file through the pooled chunk.</content>
internal sealed partial class BodySink
{
    private void WriteToFile(ReadOnlySpan<byte> segment)
    {
        while (!segment.IsEmpty)
        {
            var take = Math.Min(_chunk!.Length - _chunkUsed, segment.Length);
            segment[..take].CopyTo(_chunk.AsSpan(_chunkUsed));
            _chunkUsed += take;
            segment = segment[take..];
            if (_chunkUsed == _chunk.Length)
            {
                _file!.Write(_chunk);
                _chunkUsed = 0;
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask WriteToFileAsync(ReadOnlyMemory<byte> segment, CancellationToken cancellationToken)
    {
        while (!segment.IsEmpty)
        {
            var room = _chunk!.Length - _chunkUsed;
            var take = Math.Min(room, segment.Length);
            segment.Span[..take].CopyTo(_chunk.AsSpan(_chunkUsed));
            _chunkUsed += take;
            segment = segment[take..];
            if (_chunkUsed == _chunk.Length)
            {
                await _file!.WriteAsync(_chunk, cancellationToken).ConfigureAwait(false);
                _chunkUsed = 0;
            }
        }
    }
}
