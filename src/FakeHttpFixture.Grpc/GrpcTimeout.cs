using System.Globalization;

namespace FakeHttpFixture;

/// <summary>The grpc-timeout request header: at most 8 digits and a unit (H, M, S, m, u, n), as PROTOCOL-HTTP2.md defines it.</summary>
internal static class GrpcTimeout
{
    public static TimeSpan? Parse(string? header)
    {
        if (header is not { Length: >= 2 and <= 9 } || !long.TryParse(header.AsSpan(0, header.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        return header[^1] switch
        {
            'H' => TimeSpan.FromHours(amount),
            'M' => TimeSpan.FromMinutes(amount),
            'S' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMilliseconds(amount),
            'u' => TimeSpan.FromMicroseconds(amount),
            'n' => TimeSpan.FromTicks(amount / 100),
            _ => null,
        };
    }
}
