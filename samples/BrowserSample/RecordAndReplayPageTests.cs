using FakeHttpFixture;

namespace BrowserSample;

/// <summary>
/// A real browser loads a page through the fixture's proxy while it records the service; with the service gone, the recording
/// alone renders the same page. The "service" here is another fixture server on loopback, so nothing leaves the machine.
/// </summary>
public sealed class RecordAndReplayPageTests
{
    private const string Page = """
        <!doctype html>
        <html>
        <head><meta charset="utf-8"><title>Catalog</title><script src="app.js"></script></head>
        <body><ul id="items"><li>loading</li></ul><p id="total"></p></body>
        </html>
        """;

    private const string Script = """
        window.addEventListener('DOMContentLoaded', async () => {
          const catalog = await (await fetch('api/catalog?lang=en')).json();
          document.getElementById('items').innerHTML = catalog.items.map(i => '<li>' + i.name + '</li>').join('');
          const quote = await fetch('api/quote', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ skus: catalog.items.map(i => i.sku) }) });
          document.getElementById('total').textContent = 'total:' + (await quote.json()).total;
        });
        """;

    [Fact]
    public async Task A_page_recorded_through_the_proxy_renders_the_same_from_the_recording_alone()
    {
        var folder = Directory.CreateTempSubdirectory("fakehttp-sample-").FullName;
        var har = Path.Combine(folder, "catalog.har");
        try
        {
            string recordedDom;
            await using (var service = HttpFixtureServer.Start(new FileTree { ["index.html"] = Page, ["app.js"] = Script }))
            {
                service.Stub(HttpMethod.Get, "/api/catalog").Respond(StubResponse.Json(new { items = new[] { new { sku = "A-1", name = "Kettle" }, new { sku = "B-2", name = "Teapot" } } }));
                service.Stub(HttpMethod.Post, "/api/quote").Respond(StubResponse.Json(new { total = 41.5 }));
                await using var recorder = HttpFixtureServer.Start(o => o.ProxyTo(service.BaseAddress));

                recordedDom = await HeadlessChromium.DumpDomAsync(recorder.Url("index.html"));

                recorder.SaveHar(har);
                service.Requests.Select(r => r.Path).ShouldContain("/api/quote");
            }

            await using var replay = HttpFixtureServer.Start(o => o.ReplayHar(har));

            var replayedDom = await HeadlessChromium.DumpDomAsync(replay.Url("index.html"));

            recordedDom.ShouldContain("<li>Kettle</li><li>Teapot</li>");
            recordedDom.ShouldContain("total:41.5");
            replayedDom.ShouldBe(recordedDom);
            await replay.DisposeAsync();   // waits for the last exchange to complete, so every record is final
            replay.Requests.Where(r => r.Path != "/favicon.ico").Select(r => r.AnsweredBy).ShouldAllBe(stage => stage == ResponseSource.Replay);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
