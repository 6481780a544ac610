namespace FakeHttpFixture;

/// <summary>A mapping's <c>response</c> part, as read from its JSON.</summary>
internal sealed class ResponseDefinition
{
    public int Status { get; init; } = 200;

    public string? StatusMessage { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>Gets the body from body, jsonBody or base64Body, or null.</summary>
    public byte[]? Body { get; init; }

    /// <summary>Gets the body text before templating, from body or jsonBody; null for base64Body and bodyFileName.</summary>
    public string? BodyText { get; init; }

    public string? BodyFileName { get; init; }

    public int FixedDelayMilliseconds { get; init; }

    public DelayDistribution? DelayDistribution { get; init; }

    public int DribbleChunks { get; init; }

    public int DribbleMilliseconds { get; init; }

    public string? Fault { get; init; }

    public bool Templated { get; init; }

    /// <summary>Gets the service a proxying mapping forwards to (<c>proxyBaseUrl</c>, without a trailing '/'), or null.</summary>
    public string? ProxyBaseUrl { get; init; }

    /// <summary>Gets the headers a proxying mapping adds to the forwarded request (<c>additionalProxyRequestHeaders</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> AdditionalProxyRequestHeaders { get; init; } = [];

    /// <summary>Gets the start of the path a proxying mapping removes before forwarding (<c>proxyUrlPrefixToRemove</c>), or null.</summary>
    public string? ProxyUrlPrefixToRemove { get; init; }

    public string? Header(string name) => Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
