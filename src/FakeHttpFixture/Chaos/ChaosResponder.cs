namespace FakeHttpFixture;

/// <summary>Applies the server-wide chaos rules (<see cref="HttpFixtureOptions.AddChaos(Chaos)"/>) before the queue; in the chain only when the options set one.</summary>
internal sealed class ChaosResponder(ChaosRule[] rules, ChaosPlayer chaos) : IResponder
{
    public ResponseSource Stage => ResponseSource.Chaos;

    public ValueTask<bool> TryRespondAsync(Exchange exchange) => chaos.TryDisruptAsync(rules, exchange);
}
