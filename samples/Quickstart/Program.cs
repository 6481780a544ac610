// Quickstart: start a server over an in-memory tree, GET a file, POST JSON, print the journal.
using System.Net.Http.Json;
using FakeHttpFixture;

var files = new FileTree
{
    ["index.html"] = "<h1>Hello from FakeHttpFixture</h1>",
    ["api/config.json"] = """{ "feature": true }""",
};

await using var server = await HttpFixtureServer.StartAsync(files);
using var client = server.CreateClient();
Console.WriteLine($"Serving an in-memory tree at {server.BaseAddress}");

var config = await client.GetStringAsync("api/config.json");
Console.WriteLine($"GET /api/config.json -> {config}");

using var response = await client.PostAsJsonAsync("orders", new { Item = "book", Quantity = 2 });
Console.WriteLine($"POST /orders -> {(int)response.StatusCode}");

var post = await server.WaitForRequestAsync(r => r.Method == "POST");
Console.WriteLine();
Console.WriteLine("Journal:");
foreach (var request in server.Requests)
{
    var body = request.BodyLength == 0 ? string.Empty : $"  body: {request.BodyText}";
    Console.WriteLine($"  #{request.Sequence} {request.Method} {request.Path} -> {request.StatusCode}{body}");
}

return post.BodyText.Contains("\"item\":\"book\"", StringComparison.Ordinal) ? 0 : 1;
