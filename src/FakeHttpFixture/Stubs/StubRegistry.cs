using Microsoft.AspNetCore.Routing;

namespace FakeHttpFixture;

/// <summary>
/// The stubs a test set up, in the order added. Reads on the request path take no lock: the list is an array replaced as a whole.
/// </summary>
internal sealed class StubRegistry
{
    private readonly Lock _gate = new();
    private volatile HttpStub[] _stubs = [];

    /// <summary>Gets the stubs, in the order they were added.</summary>
    public IReadOnlyList<HttpStub> All => _stubs;

    public HttpStub Add(HttpStub stub)
    {
        lock (_gate)
        {
            _stubs = [.. _stubs, stub];
        }

        return stub;
    }

    /// <summary>Finds the stub that answers: the last added of those that match.</summary>
    public HttpStub? Find(RecordedRequest request, out RouteValueDictionary? routeValues)
    {
        var stubs = _stubs;
        for (var i = stubs.Length - 1; i >= 0; i--)
        {
            if (stubs[i].Matches(request, out routeValues))
            {
                return stubs[i];
            }
        }

        routeValues = null;
        return null;
    }

    /// <summary>Adds a sentence for each required stub that no request used.</summary>
    public void AddUnusedRequired(List<string> problems)
    {
        foreach (var stub in _stubs)
        {
            if (stub.IsRequired && stub.CallCount == 0)
            {
                problems.Add($"The required stub {stub} was never called.");
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _stubs = [];
        }
    }
}
