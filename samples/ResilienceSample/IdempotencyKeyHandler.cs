namespace ResilienceSample;

/// <summary>
/// Gives each POST an Idempotency-Key, once per call: registered before the resilience handler, it sits outside the retries, so
/// every retry of a call sends the key of its first attempt and the service can tell a retry from a new order.
/// </summary>
public sealed class IdempotencyKeyHandler : DelegatingHandler
{
    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method == HttpMethod.Post && !request.Headers.Contains("Idempotency-Key"))
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
