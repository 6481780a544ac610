namespace FakeHttpFixture.Benchmarks;

/// <summary>The bytes every server answers and every client sends, identical for the three peers.</summary>
internal static class Payload
{
    public const string FilePath = "/file.bin";
    public const string UploadPath = "/upload";

    /// <summary>The 1 KiB file served by GET.</summary>
    public static readonly byte[] File = Fill(1024, 7);

    /// <summary>The 1 KiB body of the recorded POST.</summary>
    public static readonly byte[] Post = Fill(1024, 11);

    /// <summary>The 10 MiB body of the recorded PUT.</summary>
    public static readonly byte[] Put = Fill(10 * 1024 * 1024, 13);

    private static byte[] Fill(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
