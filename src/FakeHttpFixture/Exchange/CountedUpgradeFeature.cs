using Microsoft.AspNetCore.Http.Features;

namespace FakeHttpFixture;

/// <summary>
/// Stands in for Kestrel's upgrade features while a WebSocket stub accepts: the opaque stream Kestrel hands over on an HTTP/1.1
/// upgrade or an HTTP/2 extended CONNECT comes back through the exchange, which counts what is written to it and marks the request.
/// </summary>
internal sealed class CountedUpgradeFeature(IHttpUpgradeFeature? upgrade, IHttpExtendedConnectFeature? connect, Exchange exchange) : IHttpUpgradeFeature, IHttpExtendedConnectFeature
{
    public bool IsUpgradableRequest => upgrade?.IsUpgradableRequest == true;

    public bool IsExtendedConnect => connect?.IsExtendedConnect == true;

    public string? Protocol => connect?.Protocol;

    /// <summary>Puts the stand-in in place of whichever of the two features the request has.</summary>
    public static void Install(Exchange exchange)
    {
        var features = exchange.Context.Features;
        var upgrade = features.Get<IHttpUpgradeFeature>();
        var connect = features.Get<IHttpExtendedConnectFeature>();
        var counted = new CountedUpgradeFeature(upgrade, connect, exchange);
        if (upgrade is not null)
        {
            features.Set<IHttpUpgradeFeature>(counted);
        }

        if (connect is not null)
        {
            features.Set<IHttpExtendedConnectFeature>(counted);
        }
    }

    public async Task<Stream> UpgradeAsync() =>
        exchange.BeginWebSocket(await (upgrade ?? throw new InvalidOperationException("The request cannot be upgraded.")).UpgradeAsync().ConfigureAwait(false));

    public async ValueTask<Stream> AcceptAsync() =>
        exchange.BeginWebSocket(await (connect ?? throw new InvalidOperationException("The request is no extended CONNECT.")).AcceptAsync().ConfigureAwait(false));
}
