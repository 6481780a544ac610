using System.Text;
using System.Text.Json;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Recording;

/// <summary>
/// Issue 21, item 2: a client picks the charset, so no name it declares may make the journal or the HAR throw, and the HAR keeps
/// every body byte for byte: as text only when the text encodes back to the same bytes, as base64 otherwise.
/// </summary>
public sealed class CharsetTests
{
    // Each case: the Content-Type python sends, the body as hex, and how the HAR must hold it.
    private static readonly (string ContentType, string Hex, string Har)[] Cases =
    [
        ("text/plain; charset=utf-7", Convert.ToHexString("Hi Mom -+Jjo--!"u8), "text"),                    // .NET refuses UTF-7: read as UTF-8
        ("text/plain; charset=x-made-up", Convert.ToHexString("café"u8), "text"),                          // unknown: read as UTF-8
        ("text/plain; charset=x-made-up", "FFFE00", "base64"),                                             // unknown, and not UTF-8 either
        ("text/plain; charset=us-ascii", Convert.ToHexString("café"u8), "base64"),                         // would be "caf??" as text
        ("text/plain; charset=utf-16", "3D00D8", "base64"),                                                // odd length: no UTF-16 text
        ("text/plain; charset=utf-16le", "00D84100", "base64"),                                            // a lone high surrogate
        ("text/plain; charset=windows-1252", "636166E9", "text"),                                          // "café" in a legacy code page
        ("application/x-www-form-urlencoded; charset=utf-7", Convert.ToHexString("a=caf%C3%A9&b=1"u8), "text"),
    ];

    private const string SendAll = """
        import http.client, sys
        port = int(sys.argv[1])
        for i in range(2, len(sys.argv), 2):
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            c.request("POST", "/c/%d" % (i // 2), body=bytes.fromhex(sys.argv[i + 1]), headers={"Content-Type": sys.argv[i]})
            print(c.getresponse().status); c.close()
        """;

    [Fact]
    public async Task No_declared_charset_makes_BodyText_Form_Parts_or_SaveHar_throw_and_the_har_keeps_every_body_byte_for_byte()
    {
        using var temp = new TempDirectory();
        await using var server = HttpFixtureServer.Start(new FileTree());

        var (exit, output, error) = await ExternalProcess.PythonAsync(SendAll, [server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. Cases.SelectMany(c => new[] { c.ContentType, c.Hex })]);

        exit.ShouldBe(0, error);
        output.ShouldBe(string.Concat(Enumerable.Repeat("200\n", Cases.Length)));
        var requests = server.Requests;
        requests.Count.ShouldBe(Cases.Length);
        foreach (var request in requests)
        {
            Should.NotThrow(() => request.BodyText);
            Should.NotThrow(() => request.Form);
            Should.NotThrow(() => request.Parts);
        }

        requests[0].BodyText.ShouldBe("Hi Mom -+Jjo--!");
        requests[1].BodyText.ShouldBe("café");
        requests[6].BodyText.ShouldBe("café");
        requests[7].Form["a"].ShouldBe(["café"]);

        var har = Path.Combine(temp.Path, "charsets.har");
        server.SaveHar(har);

        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(har, TestContext.Current.CancellationToken));
        var entries = document.RootElement.GetProperty("log").GetProperty("entries").EnumerateArray().ToArray();
        entries.Length.ShouldBe(Cases.Length);
        for (var i = 0; i < Cases.Length; i++)
        {
            var postData = entries[i].GetProperty("request").GetProperty("postData");
            var isBase64 = postData.TryGetProperty("encoding", out var encoding) && encoding.GetString() == "base64";
            (isBase64 ? "base64" : "text").ShouldBe(Cases[i].Har, Cases[i].ContentType + " " + Cases[i].Hex);
            var text = postData.GetProperty("text").GetString()!;
            var bytes = isBase64 ? Convert.FromBase64String(text) : TextEncodingOf(Cases[i].ContentType).GetBytes(text);
            Convert.ToHexString(bytes).ShouldBe(Cases[i].Hex, Cases[i].ContentType);
        }
    }

    [Fact]
    public async Task A_multipart_part_in_a_charset_dotnet_refuses_has_text_and_the_form_reads()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        const string Send = """
            import http.client, sys
            body = (b"--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\nContent-Type: text/plain; charset=utf-7\r\n\r\n"
                    b"+AGEA-\r\n--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\nContent-Type: text/plain; charset=no-such\r\n\r\n"
                    b"caf\xc3\xa9\r\n--XyZ--\r\n")
            c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=30)
            c.request("POST", "/form", body=body, headers={"Content-Type": "multipart/form-data; boundary=XyZ; charset=utf-7"})
            print(c.getresponse().status)
            """;

        var (exit, output, error) = await ExternalProcess.PythonAsync(Send, server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        exit.ShouldBe(0, error);
        output.ShouldBe("200\n");
        var request = server.Requests.ShouldHaveSingleItem();
        request.Form["note"].ShouldBe(["+AGEA-"]);
        request.Parts.Select(p => p.Text).ShouldBe(["+AGEA-", "café"]);
    }

    // How a HAR reader turns text back into bytes: by the declared charset, UTF-8 where .NET does not know or refuses it.
    private static Encoding TextEncodingOf(string contentType)
    {
        var charset = contentType.Split("charset=")[1];
        try
        {
            return charset == "utf-7" ? Encoding.UTF8 : CodePagesEncodingProvider.Instance.GetEncoding(charset) ?? Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }
}
