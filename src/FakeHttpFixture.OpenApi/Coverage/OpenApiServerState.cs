namespace FakeHttpFixture;

/// <summary>What the OpenAPI package keeps per server: the contract observers it added, for the coverage report.</summary>
internal sealed class OpenApiServerState
{
    private readonly Lock _gate = new();
    private ContractObserver[] _observers = [];

    public IReadOnlyList<ContractObserver> Observers => Volatile.Read(ref _observers);

    public void Add(ContractObserver observer)
    {
        lock (_gate)
        {
            _observers = [.. _observers, observer];
        }
    }
}
