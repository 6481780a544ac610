using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;

namespace FakeHttpFixture;

/// <summary>Reads a request's gRPC messages one at a time as they arrive, for a conversation (a bidirectional call).</summary>
internal sealed class GrpcFrameReader(PipeReader reader)
{
    /// <summary>Returns the next message without its prefix, or null once the client has completed its side.</summary>
    /// <exception cref="InvalidDataException">The stream is not a sequence of uncompressed gRPC messages; the message says why.</exception>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (TryTake(ref buffer, out var message))
            {
                reader.AdvanceTo(buffer.Start);
                return message;
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                var rest = buffer.Length;
                reader.AdvanceTo(buffer.End);
                return rest == 0 ? null : throw new InvalidDataException($"The request stream ends inside a message ({rest} bytes left over).");
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static bool TryTake(ref ReadOnlySequence<byte> buffer, out ReadOnlyMemory<byte> message)
    {
        message = default;
        if (buffer.Length < GrpcFrames.PrefixLength)
        {
            return false;
        }

        Span<byte> prefix = stackalloc byte[GrpcFrames.PrefixLength];
        buffer.Slice(0, GrpcFrames.PrefixLength).CopyTo(prefix);
        if (prefix[0] != 0)
        {
            throw new InvalidDataException("The client compressed a message (grpc-encoding); the fake reads uncompressed messages only: leave the channel's compression off.");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(prefix[1..]);
        if (buffer.Length - GrpcFrames.PrefixLength < length)
        {
            return false;
        }

        message = buffer.Slice(GrpcFrames.PrefixLength, length).ToArray();
        buffer = buffer.Slice(GrpcFrames.PrefixLength + length);
        return true;
    }
}
