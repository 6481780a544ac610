namespace FakeHttpFixture;

/// <summary>One stage of the answer: a responder either answers the exchange and returns true, or leaves it to the next stage.</summary>
/// <remarks>A responder writes through <see cref="Exchange.Context"/>; the exchange notes the status, counts the bytes and records aborts and faults, so a responder cannot forget any of it.</remarks>
internal interface IResponder
{
    /// <summary>Gets the stage the journal names when this responder answers.</summary>
    ResponseSource Stage { get; }

    /// <summary>Answers the exchange, or returns false to leave it to the next stage.</summary>
    ValueTask<bool> TryRespondAsync(Exchange exchange);
}
