namespace HostRoutingSample.App;

/// <summary>Creates Stripe payment intents through the app's named client "stripe".</summary>
public sealed class StripePayments(IHttpClientFactory factory)
{
    public const string ClientName = "stripe";

    public async Task<PaymentIntent> CreatePaymentIntentAsync(int amountCents, string description, CancellationToken cancellationToken)
    {
        var client = factory.CreateClient(ClientName);
        using var form = new FormUrlEncodedContent(
        [
            new("amount", amountCents.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("currency", "usd"),
            new("description", description),
        ]);
        using var response = await client.PostAsync("v1/payment_intents", form, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PaymentIntent>(cancellationToken))!;
    }
}

/// <summary>The part of Stripe's payment intent the app uses.</summary>
public sealed record PaymentIntent(string Id, string Status);
