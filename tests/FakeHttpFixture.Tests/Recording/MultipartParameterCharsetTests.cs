using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Recording;

/// <summary>
/// Found by fuzzing (tests/FakeHttpFixture.Fuzz, target "content"): a part's Content-Disposition may name a charset .NET refuses
/// (UTF-7) in filename* or in a MIME word, and ASP.NET Core's getters then throw NotSupportedException, so Parts, Form and any
/// stub condition reading them failed. The corpus keeps the inputs (corpus/content/crash-filename-star-utf7, mime-word-names).
/// </summary>
public sealed class MultipartParameterCharsetTests
{
    // Python sends the multipart body as written: no client library would produce these parameters on its own.
    private const string Script = """
        import sys, urllib.request
        disposition = sys.argv[2].encode()
        body = (b"--b\r\nContent-Disposition: form-data; " + disposition + b"\r\nContent-Type: text/plain\r\n\r\ncontent\r\n--b--\r\n")
        req = urllib.request.Request(sys.argv[1], data=body, method="POST", headers={"Content-Type": "multipart/form-data; boundary=b"})
        try:
            print(urllib.request.urlopen(req).status)
        except urllib.error.HTTPError as e:
            print(e.code)
        """;

    [Theory]
    [InlineData("UTF-7")]
    [InlineData("x-no-such-charset")]
    public async Task Filename_star_in_a_charset_dotnet_cannot_use_is_read_as_utf8(string charset)
    {
        await using var server = HttpFixtureServer.Start(new FileTree());

        var status = await PostAsync(server, $"name=\"doc\"; filename*={charset}''r%C3%A9sum%C3%A9.txt");

        status.ShouldBe("200");
        var part = server.Requests.ShouldHaveSingleItem().Parts.ShouldHaveSingleItem();
        part.Name.ShouldBe("doc");
        part.FileName.ShouldBe("résumé.txt");
        part.Text.ShouldBe("content");
    }

    [Fact]
    public async Task Filename_star_wins_over_filename_and_keeps_its_declared_charset()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());

        var status = await PostAsync(server, "name=\"doc\"; filename=\"fallback.txt\"; filename*=iso-8859-1'fr'r%E9sum%E9.txt");

        status.ShouldBe("200");
        server.Requests.ShouldHaveSingleItem().Parts.ShouldHaveSingleItem().FileName.ShouldBe("résumé.txt");
    }

    [Fact]
    public async Task A_name_as_a_mime_word_in_utf7_is_kept_as_sent_and_the_field_is_still_a_field()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());

        var status = await PostAsync(server, "name=\"=?utf-7?B?K0FHRS0=?=\"");

        status.ShouldBe("200");
        var request = server.Requests.ShouldHaveSingleItem();
        request.Parts.ShouldHaveSingleItem().Name.ShouldBe("=?utf-7?B?K0FHRS0=?=");
        request.Form["=?utf-7?B?K0FHRS0=?="].ShouldBe(["content"]);
    }

    [Fact]
    public async Task A_stub_condition_on_the_parts_answers_instead_of_failing()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Post, "/upload").Where(r => r.Parts.Any(p => p.FileName == "résumé.txt")).Respond(201);

        var status = await PostAsync(server, "name=\"doc\"; filename*=UTF-7''r%C3%A9sum%C3%A9.txt", "upload");

        status.ShouldBe("201");
    }

    private static async Task<string> PostAsync(HttpFixtureServer server, string disposition, string path = "form")
    {
        var (exit, output, error) = await ExternalProcess.PythonAsync(Script, server.Url(path).ToString(), disposition);
        exit.ShouldBe(0, error);
        return output.Trim();
    }
}
