namespace FakeHttpFixture;

/// <summary>Asks the stages add-on packages added at one position, in the order they were added.</summary>
internal sealed class ExtensionResponder(ExtensionPoints extensions, StagePosition position, ResponsePlayer player) : IResponder
{
    public ResponseSource Stage => ResponseSource.Extension;

    public ValueTask<bool> TryRespondAsync(Exchange exchange)
    {
        var stages = extensions.Stages(position);
        return stages.Length == 0 ? ValueTask.FromResult(false) : AskAsync(stages, exchange);
    }

    private async ValueTask<bool> AskAsync(IAnsweringStage[] stages, Exchange exchange)
    {
        var view = new FixtureExchange(exchange, extensions.Server!, player);
        foreach (var stage in stages)
        {
            // Named before it is asked, so a response it starts is recorded as its own at once (Exchange.Answering).
            exchange.StageName = stage.Name;
            if (await stage.TryAnswerAsync(view).ConfigureAwait(false))
            {
                return true;
            }
        }

        exchange.StageName = null;
        return false;
    }
}
