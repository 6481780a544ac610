using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture.Tests.Extensions;

public sealed class StreamedBodyTests
{
    [Fact]
    public async Task A_stage_that_answers_while_the_body_arrives_converses_and_the_body_is_recorded_whole()
    {
        await using var server = HttpFixtureServer.Start(o => o.Http2Cleartext = true);
        server.AddStage(new EchoLinesStage(), StagePosition.WithStubs);
        using var client = server.CreateClient();
        var lines = Channel.CreateUnbounded<string>();
        using var request = new HttpRequestMessage(HttpMethod.Post, "chat")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new LinesContent(lines.Reader),
        };
        var token = TestContext.Current.CancellationToken;

        using var response = await SendWhileWritingAsync(client, request, lines.Writer, "one", token);
        using var replies = new StreamReader(await response.Content.ReadAsStreamAsync(token));
        (await replies.ReadLineAsync(token)).ShouldBe("echo: one");   // answered before the client sent more
        await lines.Writer.WriteAsync("two", token);
        (await replies.ReadLineAsync(token)).ShouldBe("echo: two");
        lines.Writer.Complete();
        (await replies.ReadToEndAsync(token)).ShouldBe("done\n");

        var recorded = await server.WaitForCompletionAsync(server.Requests.ShouldHaveSingleItem(), cancellationToken: token);
        recorded.BodyText.ShouldBe("one\ntwo\n");
        recorded.AnsweringStage.ShouldBe("echo-lines");
    }

    [Fact]
    public async Task Requests_the_stage_does_not_claim_reach_it_whole()
    {
        await using var server = HttpFixtureServer.Start(o => o.Http2Cleartext = true);
        var stage = new EchoLinesStage();
        server.AddStage(stage, StagePosition.WithStubs);
        using var client = server.CreateClient();

        using var response = await client.PostAsync("other", new StringContent("whole"), TestContext.Current.CancellationToken);

        stage.SeenBodies.ShouldBe(["whole"]);
    }

    // The first line goes out with the request: HTTP/2 returns the response headers while the request body still streams.
    private static async Task<HttpResponseMessage> SendWhileWritingAsync(HttpClient client, HttpRequestMessage request, ChannelWriter<string> lines, string first, CancellationToken token)
    {
        await lines.WriteAsync(first, token);
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
    }

    /// <summary>Claims POST /chat and echoes each line as it arrives; answers other POSTs from the recorded body.</summary>
    private sealed class EchoLinesStage : IAnsweringStage
    {
        public List<string> SeenBodies { get; } = [];

        public string Name => "echo-lines";

        public bool AnswersWhileBodyArrives(HttpRequest request) => request.Path == "/chat";

        public async ValueTask<bool> TryAnswerAsync(FixtureExchange exchange)
        {
            var context = exchange.HttpContext;
            if (context.Request.Path != "/chat")
            {
                SeenBodies.Add(exchange.Request.BodyText);
                return true;
            }

            exchange.Request.BodyLength.ShouldBe(0, "the body is left to the stage");
            await context.Response.StartAsync(exchange.Aborted);
            using var reader = new StreamReader(context.Request.Body);
            while (await reader.ReadLineAsync(exchange.Aborted) is { } line)
            {
                await context.Response.WriteAsync($"echo: {line}\n", exchange.Aborted);
                await context.Response.Body.FlushAsync(exchange.Aborted);
            }

            await context.Response.WriteAsync("done\n", exchange.Aborted);
            return true;
        }
    }

    /// <summary>A request body written line by line as the test supplies lines, ending when the channel completes.</summary>
    private sealed class LinesContent(ChannelReader<string> lines) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await foreach (var line in lines.ReadAllAsync(cancellationToken))
            {
                await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(line + "\n"), cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
