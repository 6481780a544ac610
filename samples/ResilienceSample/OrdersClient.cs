using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace ResilienceSample;

/// <summary>An order as the orders service returns it.</summary>
/// <param name="Id">The order number.</param>
/// <param name="Status">Where the order is, such as "shipped".</param>
public sealed record Order(int Id, string Status);

/// <summary>The catalog the orders service publishes, which changes seldom and so is cached and revalidated.</summary>
/// <param name="Items">How many items the catalog lists.</param>
public sealed record Catalog(int Items);

/// <summary>The code under test: a typed HttpClient for the orders service, registered with AddHttpClient.</summary>
/// <param name="http">The client the factory configured, resilience handlers included.</param>
public sealed class OrdersClient(HttpClient http)
{
    private EntityTagHeaderValue? _catalogTag;
    private Catalog? _catalog;

    /// <summary>GetOrderAsync fetches one order.</summary>
    /// <param name="id">The order number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The order.</returns>
    public async Task<Order> GetOrderAsync(int id, CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<Order>($"orders/{id}", cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The orders service answered null for order {id}.");

    /// <summary>PlaceOrderAsync creates an order; the app's <see cref="IdempotencyKeyHandler"/> makes a retry of it safe.</summary>
    /// <param name="order">The order to place.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The order as the service stored it.</returns>
    public async Task<Order> PlaceOrderAsync(Order order, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("orders", order, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<Order>(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The orders service answered null for the new order.");
    }

    /// <summary>GetCatalogAsync returns the catalog, asking the service only whether it changed once it has a copy (If-None-Match).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The catalog.</returns>
    public async Task<Catalog> GetCatalogAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "catalog.json");
        if (_catalogTag is not null)
        {
            request.Headers.IfNoneMatch.Add(_catalogTag);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotModified && _catalog is not null)
        {
            return _catalog;
        }

        response.EnsureSuccessStatusCode();
        _catalogTag = response.Headers.ETag;
        _catalog = await response.Content.ReadFromJsonAsync<Catalog>(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The orders service answered null for the catalog.");
        return _catalog;
    }
}
