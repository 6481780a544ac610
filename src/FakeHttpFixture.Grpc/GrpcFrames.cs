using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace FakeHttpFixture;

/// <summary>
/// gRPC's message framing over HTTP/2: each message is a 1-byte compressed flag, a 4-byte big-endian length and the protobuf bytes
/// (PROTOCOL-HTTP2.md, "Length-Prefixed-Message"). It is written here because no library exposes it apart from a whole server.
/// </summary>
internal static class GrpcFrames
{
    public const int PrefixLength = 5;

    /// <summary>Splits a whole request body into its messages; returns a sentence saying what is wrong instead when it cannot.</summary>
    public static string? TrySplit(ReadOnlyMemory<byte> body, out List<ReadOnlyMemory<byte>> messages)
    {
        messages = [];
        var rest = body;
        while (!rest.IsEmpty)
        {
            if (rest.Length < PrefixLength)
            {
                return $"The request body ends inside a message prefix ({rest.Length} of {PrefixLength} bytes).";
            }

            var span = rest.Span;
            if (span[0] != 0)
            {
                return "The client compressed a message (grpc-encoding); the fake reads uncompressed messages only: leave the channel's compression off.";
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(span[1..]);
            if (length > (uint)(rest.Length - PrefixLength))
            {
                return $"A message says it has {length} bytes, but only {rest.Length - PrefixLength} follow.";
            }

            messages.Add(rest.Slice(PrefixLength, (int)length));
            rest = rest[(PrefixLength + (int)length)..];
        }

        return null;
    }

    /// <summary>Writes one uncompressed message with its prefix.</summary>
    public static void Write(IBufferWriter<byte> writer, IMessage message)
    {
        var size = message.CalculateSize();
        var span = writer.GetSpan(PrefixLength + size);
        span[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)size);
        message.WriteTo(span.Slice(PrefixLength, size));
        writer.Advance(PrefixLength + size);
    }
}
