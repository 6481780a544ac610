using FakeHttpFixture.WireMock.Tests.Support;

[assembly: AssemblyFixture(typeof(JavaWireMock))]

namespace FakeHttpFixture.WireMock.Tests.Reference;

/// <summary>
/// The same mapping set (Mappings/reference) and the same requests against WireMock 3.13.2 itself and fakehttp: status, reason
/// phrase, headers and body must agree. Transport headers (Date, Server, Content-Length against chunked) are left out, and so are
/// the bodies of 404s, which WireMock fills with its own diff text (a difference docs/wiremock.md lists).
/// </summary>
public sealed class DifferentialTests(JavaWireMock java, MappingsServer fakehttp) : IClassFixture<MappingsServer>
{
    private static readonly HashSet<string> TransportHeaders = new(StringComparer.OrdinalIgnoreCase) { "Date", "Server", "Transfer-Encoding", "Content-Length", "Connection", "Keep-Alive", "Vary" };

    [Fact]
    public async Task Fakehttp_answers_the_reference_set_as_WireMock_3_13_2_does()
    {
        if (JavaWireMock.MissingReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var wiremock = await java.BaseAddressAsync();
        using var client = HttpCase.Client();
        var differences = new List<string>();
        foreach (var test in ReferenceCases.All)
        {
            var expected = await AnswerAsync(client, test, wiremock);
            var actual = await AnswerAsync(client, test, fakehttp.BaseAddress);
            if (expected != actual)
            {
                differences.Add($"{test.Name}:\n  WireMock: {expected}\n  fakehttp: {actual}");
            }
        }

        differences.ShouldBeEmpty(string.Join("\n", differences));
    }

    [Fact]
    public async Task Scenario_steps_agree_with_WireMock()
    {
        if (JavaWireMock.MissingReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var wiremock = await java.BaseAddressAsync();
        using var client = HttpCase.Client();
        HttpCase[] steps = [new("cart 1", "GET", "/cart", 200), new("cart 2", "POST", "/cart", 201), new("cart 3", "GET", "/cart", 200), new("cart 4", "POST", "/cart", 404)];
        var expected = new List<string>();
        var actual = new List<string>();
        foreach (var (address, answers) in new[] { (wiremock, expected), (fakehttp.BaseAddress, actual) })
        {
            using var reset = await client.PostAsync(new Uri(address, "__admin/scenarios/reset"), null, TestContext.Current.CancellationToken);
            reset.EnsureSuccessStatusCode();
            foreach (var step in steps)
            {
                answers.Add(await AnswerAsync(client, step, address));
            }
        }

        actual.ShouldBe(expected);
    }

    private static async Task<string> AnswerAsync(HttpClient client, HttpCase test, Uri address)
    {
        using var response = await client.SendAsync(test.ToRequest(address), TestContext.Current.CancellationToken);
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        if ((int)response.StatusCode == 404)
        {
            return status;
        }

        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => !TransportHeaders.Contains(h.Key))
            .OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .Select(h => $"{h.Key.ToLowerInvariant()}: {string.Join(", ", h.Value)}");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return $"{status} | {string.Join(" | ", headers)} | {body}";
    }
}
