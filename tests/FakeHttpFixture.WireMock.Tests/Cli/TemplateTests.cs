using System.Globalization;
using System.Text;
using FakeHttpFixture.WireMock.Tests.Support;

namespace FakeHttpFixture.WireMock.Tests.Cli;

/// <summary>Response templates through fakehttp: the helpers whose output changes per request (randomValue, now) by shape, eq and if by value, and nothing escaped.</summary>
public sealed class TemplateTests
{
    private const string Mappings = """
        { "mappings": [
          { "request": { "method": "POST", "urlPath": "/helpers" }, "response": { "status": 200, "transformers": ["response-template"],
            "body": "{{randomValue length=8 type='NUMERIC'}}|{{randomValue type='UUID'}}|{{now format='yyyy-MM-dd'}}|{{now offset='1 days' format='yyyy-MM-dd'}}|{{now format='epoch'}}|{{#eq request.query.kind 'a'}}is a{{else}}not a{{/eq}}|{{#if (eq request.method 'POST')}}post{{/if}}|{{jsonPath request.body '$.items[1].name'}}|{{request.body}}" } },
          { "request": { "urlPathTemplate": "/files/{name}" }, "response": { "status": 200, "transformers": ["response-template"], "bodyFileName": "{{request.path.name}}.txt" } }
        ] }
        """;

    [Fact]
    public async Task Helpers_render_random_values_dates_comparisons_and_json_paths_without_escaping()
    {
        using var dir = new TempDirectory();
        dir.Write("wm/mappings/t.json", Mappings);
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "--mappings", "wm", "--port", "0", "--quiet");
        using var client = HttpCase.Client();
        const string body = """{"items":[{"name":"a"},{"name":"<b> & \"c\""}]}""";

        var before = DateTimeOffset.UtcNow;
        using var response = await client.PostAsync(new Uri(fakehttp.BaseAddress!, "helpers?kind=a"), new StringContent(body, Encoding.UTF8), TestContext.Current.CancellationToken);
        var parts = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('|');

        parts[0].ShouldMatch("^[0-9]{8}$");
        Guid.TryParse(parts[1], out _).ShouldBeTrue(parts[1]);
        parts[2].ShouldBeOneOf(before.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        DateTime.ParseExact(parts[3], "yyyy-MM-dd", CultureInfo.InvariantCulture).ShouldBe(DateTime.ParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(1), tolerance: TimeSpan.FromDays(1));
        long.Parse(parts[4], CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(before.ToUnixTimeMilliseconds());
        parts[5].ShouldBe("is a");
        parts[6].ShouldBe("post");
        parts[7].ShouldBe("<b> & \"c\"");
        parts[8].ShouldBe(body, "WireMock writes template values unescaped");
    }

    [Fact]
    public async Task Templated_bodyFileName_picks_the_file_from_the_request()
    {
        using var dir = new TempDirectory();
        dir.Write("wm/mappings/t.json", Mappings);
        dir.Write("wm/__files/report.txt", "the report");
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "--mappings", "wm", "--port", "0", "--quiet");
        using var client = HttpCase.Client();

        var answer = await client.GetStringAsync(new Uri(fakehttp.BaseAddress!, "files/report"), TestContext.Current.CancellationToken);

        answer.ShouldBe("the report");
    }
}
