using System.Net.Http.Headers;
using System.Text;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Recording;

public sealed class FormAndMultipartTests
{
    [Fact]
    public async Task Urlencoded_form_fields_are_decoded_with_repeats_kept()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();

        await client.PostAsync("login", new FormUrlEncodedContent([new("user", "zoë & co"), new("tag", "a"), new("tag", "b"), new("empty", "")]));

        var r = server.Requests.ShouldHaveSingleItem();
        r.Form["user"].ShouldBe(["zoë & co"]);
        r.Form["tag"].ShouldBe(["a", "b"]);
        r.Form["empty"].ShouldBe([""]);
        r.Parts.ShouldBeEmpty();
    }

    [Fact]
    public async Task Multipart_from_HttpClient_gives_parts_with_names_files_types_and_bytes()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        var png = BodySpillTests.RandomBytes(3000, 4);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Quarterly"), "title" },
            { new ByteArrayContent(png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "image", "chart.png" },
        };

        await client.PostAsync("reports", form);

        var r = server.Requests.ShouldHaveSingleItem();
        r.Parts.Count.ShouldBe(2);
        r.Parts[0].Name.ShouldBe("title");
        r.Parts[0].FileName.ShouldBeNull();
        r.Parts[0].Text.ShouldBe("Quarterly");
        r.Parts[1].Name.ShouldBe("image");
        r.Parts[1].FileName.ShouldBe("chart.png");
        r.Parts[1].ContentType.ShouldBe("image/png");
        r.Parts[1].Body.ShouldBe(png);
        r.Form.Keys.ShouldBe(["title"]);
    }

    [Fact]
    public async Task Multipart_from_curl_F_is_parsed()
    {
        using var temp = new TempDirectory();
        var csv = temp.Write("data.csv", "a,b\n1,2\n");
        await using var server = HttpFixtureServer.Start(new FileTree());

        var (exit, _, error) = await ExternalProcess.RunAsync("curl", "-sS", "-F", "note=from curl", "-F", $"file=@{csv};type=text/csv", server.Url("upload").ToString());

        exit.ShouldBe(0, error);
        var r = server.Requests.ShouldHaveSingleItem();
        r.Header("Content-Type").ShouldNotBeNull().ShouldStartWith("multipart/form-data; boundary=");
        r.Form["note"].ShouldBe(["from curl"]);
        var file = r.Parts.Where(p => p.FileName != null).ShouldHaveSingleItem();
        file.Name.ShouldBe("file");
        file.FileName.ShouldBe("data.csv");
        file.ContentType.ShouldBe("text/csv");
        file.Text.ShouldBe("a,b\n1,2\n");
    }

    [Fact]
    public async Task Multipart_from_python_is_parsed_with_binary_bytes_intact()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        const string script = """
            import sys, urllib.request
            boundary = "----py" + "x" * 10
            blob = bytes(range(256))
            body = (b"--" + boundary.encode() + b"\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nbinary\r\n"
                    + b"--" + boundary.encode() + b"\r\nContent-Disposition: form-data; name=\"blob\"; filename=\"all.bin\"\r\n"
                    + b"Content-Type: application/octet-stream\r\n\r\n" + blob + b"\r\n--" + boundary.encode() + b"--\r\n")
            req = urllib.request.Request(sys.argv[1] + "py", data=body, method="POST",
                                         headers={"Content-Type": "multipart/form-data; boundary=" + boundary})
            print(urllib.request.urlopen(req).status)
            """;

        var (exit, output, error) = await ExternalProcess.PythonAsync(script, server.BaseAddress.ToString());

        exit.ShouldBe(0, error);
        output.ShouldBe("200\n");
        var r = server.Requests.ShouldHaveSingleItem();
        r.Form["kind"].ShouldBe(["binary"]);
        var blob = r.Parts[1];
        blob.FileName.ShouldBe("all.bin");
        blob.Body.ShouldBe(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray());
    }

    [Fact]
    public async Task Multipart_with_a_broken_body_says_so_when_read()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        using var content = new StringContent("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nno end", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");

        await client.PostAsync("broken", content);

        var r = server.Requests.ShouldHaveSingleItem();
        r.StatusCode.ShouldBe(200);
        Should.Throw<InvalidDataException>(() => r.Parts).Message.ShouldContain("is not valid multipart");
    }

    [Fact]
    public async Task Cookies_are_parsed_by_name()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        var response = await RawHttp.ExchangeAsync(server, "GET /c HTTP/1.1\r\nHost: x\r\nCookie: session=abc123; theme=dark%20blue\r\nConnection: close\r\n\r\n");

        response.ShouldStartWith("HTTP/1.1 404");
        var r = server.Requests.ShouldHaveSingleItem();
        r.Cookies["session"].ShouldBe("abc123");
        r.Cookies["theme"].ShouldBe("dark blue");
        r.Form.ShouldBeEmpty();
    }
}
