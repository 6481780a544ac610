using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Tls;

public sealed class OutsideClientTlsTests
{
    [Fact]
    public async Task Curl_trusting_the_saved_pem_gets_http2_through_alpn()
    {
        using var temp = new TempDirectory();
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "over h2" }, o => o.UseHttps());
        var pem = Path.Combine(temp.Path, "fixture.pem");
        server.SaveCertificatePem(pem);

        var (exit, output, error) = await ExternalProcess.RunAsync("curl", "-sS", "--cacert", pem, "--http2", "-w", " %{http_version}", server.Url("a.txt").ToString());

        exit.ShouldBe(0, error);
        output.ShouldBe("over h2 2");
        server.Requests.ShouldHaveSingleItem().Protocol.ShouldBe("HTTP/2");
    }

    [Fact]
    public async Task Curl_trusting_the_pem_can_still_speak_http1_and_reach_the_server_as_localhost()
    {
        using var temp = new TempDirectory();
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "over h1" }, o => o.UseHttps());
        var pem = Path.Combine(temp.Path, "fixture.pem");
        File.WriteAllText(pem, server.CertificatePem);

        var (exit, output, error) = await ExternalProcess.RunAsync("curl", "-sS", "--cacert", pem, "--http1.1", "-w", " %{http_version}", $"https://localhost:{server.Port}/a.txt");

        exit.ShouldBe(0, error);
        output.ShouldBe("over h1 1.1");
        server.Requests.ShouldHaveSingleItem().Protocol.ShouldBe("HTTP/1.1");
    }

    [Fact]
    public async Task Curl_without_the_pem_refuses_the_server()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" }, o => o.UseHttps());

        var (exit, _, error) = await ExternalProcess.RunAsync("curl", "-sS", server.Url("a.txt").ToString());

        exit.ShouldBe(60, error); // curl's "peer certificate cannot be authenticated"
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Curl_with_prior_knowledge_speaks_cleartext_http2_and_plain_http1_is_refused()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "h2c" }, o => o.Http2Cleartext = true);

        var (exit, output, error) = await ExternalProcess.RunAsync("curl", "-sS", "--http2-prior-knowledge", "-w", " %{http_version}", server.Url("a.txt").ToString());
        var (_, http1Output, _) = await ExternalProcess.RunAsync("curl", "-sS", "--http1.1", server.Url("a.txt").ToString());

        exit.ShouldBe(0, error);
        output.ShouldBe("h2c 2");
        http1Output.ShouldNotBe("h2c");
        server.Requests.ShouldHaveSingleItem().Protocol.ShouldBe("HTTP/2");
    }

    [Fact]
    public async Task Python_ssl_context_loading_the_pem_trusts_the_server_and_posts()
    {
        using var temp = new TempDirectory();
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "hello python" }, o => o.UseHttps());
        var pem = Path.Combine(temp.Path, "fixture.pem");
        server.SaveCertificatePem(pem);
        const string script = """
            import ssl, sys, urllib.request
            base, cafile = sys.argv[1], sys.argv[2]
            context = ssl.create_default_context(cafile=cafile)
            print(urllib.request.urlopen(base + "a.txt", context=context).read().decode())
            req = urllib.request.Request(base + "submit", data=b'{"ok":true}', method="POST", headers={"Content-Type": "application/json"})
            print(urllib.request.urlopen(req, context=context).status)
            try:
                urllib.request.urlopen(base + "a.txt", context=ssl.create_default_context())
                print("trusted without the pem")
            except urllib.error.URLError as e:
                print(type(e.reason).__name__)
            """;

        var (exit, output, error) = await ExternalProcess.PythonAsync(script, server.BaseAddress.ToString(), pem);

        exit.ShouldBe(0, error);
        output.ShouldBe("hello python\n200\nSSLCertVerificationError\n");
        var post = await server.WaitForRequestAsync(r => r.Method == "POST", cancellationToken: TestContext.Current.CancellationToken);
        post.BodyText.ShouldBe("""{"ok":true}""");
        post.Protocol.ShouldBe("HTTP/1.1");
        server.Requests.Count.ShouldBe(2);
    }
}
