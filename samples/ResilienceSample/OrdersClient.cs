using System.Net.Http.Json;

namespace ResilienceSample;

/// <summary>An order as the orders service returns it.</summary>
/// <param name="Id">The order number.</param>
/// <param name="Status">Where the order is, such as "shipped".</param>
public sealed record Order(int Id, string Status);

/// <summary>The code under test: a typed HttpClient for the orders service, registered with AddHttpClient.</summary>
/// <param name="http">The client the factory configured, resilience handlers included.</param>
public sealed class OrdersClient(HttpClient http)
{
    /// <summary>GetOrderAsync fetches one order.</summary>
    /// <param name="id">The order number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The order.</returns>
    public async Task<Order> GetOrderAsync(int id, CancellationToken cancellationToken = default) =>
        await http.GetFromJsonAsync<Order>($"orders/{id}", cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The orders service answered null for order {id}.");
}
