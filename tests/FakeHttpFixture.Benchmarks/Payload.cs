namespace FakeHttpFixture.Benchmarks;

/// <summary>The bytes every server answers and every client sends, identical for the three peers.</summary>
internal static class Payload
{
    public const string FilePath = "/file.bin";
    public const string UploadPath = "/upload";

    /// <summary>The path template of the stubbed API call, and the path the stub scenario asks for.</summary>
    public const string ItemTemplate = "/api/items/{id}";
    public const string ItemPath = "/api/items/42";

    /// <summary>The number of other stubs the matching one sits behind in the stub scenario.</summary>
    public const int OtherStubs = 20;

    /// <summary>The JSON the stubbed API call answers with (about 200 bytes).</summary>
    public static readonly byte[] Item = System.Text.Encoding.UTF8.GetBytes(
        """{"id":42,"name":"Widget","price":12.5,"tags":["blue","small"],"stock":{"warehouse":"north","count":17},"updated":"2026-11-24T10:00:00Z","description":"A small blue widget for tests."}""");

    /// <summary>The path of the event stream, and how many events it sends per request.</summary>
    public const string EventsPath = "/events";
    public const int EventCount = 1000;

    /// <summary>The path of the WebSocket that echoes, and the text message sent to it (32 bytes).</summary>
    public const string EchoPath = "/echo";
    public const string EchoMessage = "{\"op\":\"ping\",\"seq\":1234567890}";

    /// <summary>The events of the stream: a model's streamed completion, one token each, as an LLM API sends them.</summary>
    public static System.Net.ServerSentEvents.SseItem<string>[] Events => Large.Events;

    /// <summary>The 1 KiB file served by GET.</summary>
    public static readonly byte[] File = Fill(1024, 7);

    /// <summary>The 1 KiB body of the recorded POST.</summary>
    public static readonly byte[] Post = Fill(1024, 11);

    /// <summary>The 10 MiB body of the recorded PUT.</summary>
    public static byte[] Put => Large.Put;

    private static byte[] Fill(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    // Made on first use, not with the small payloads: `serve` (the cold-start script) touches only the 1 KiB file, and filling
    // 10 MiB with random bytes would add about 50 ms to every peer's start, which hides the servers' own difference.
    private static class Large
    {
        public static readonly byte[] Put = Fill(10 * 1024 * 1024, 13);

        public static readonly System.Net.ServerSentEvents.SseItem<string>[] Events =
            [.. Enumerable.Range(0, EventCount).Select(i => new System.Net.ServerSentEvents.SseItem<string>(
                "{\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tok" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"}}]}") { EventId = i.ToString(System.Globalization.CultureInfo.InvariantCulture) })];
    }
}
