using System.IO.Compression;
using System.Text;

namespace FakeHttpFixture.Tests.Support;

/// <summary>Compresses text as an upstream that answers with Content-Encoding: gzip does.</summary>
internal static class Gzip
{
    public static byte[] Compress(string text)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}
