using System.Net.Http.Headers;
using HostRoutingSample.App;

// A small app that calls two outside services by their real names, as configured in appsettings.json: GitHub through a typed
// client and Stripe through a named one. Its tests change none of this; they route the names to fakes.
var builder = WebApplication.CreateBuilder(args);
var services = builder.Configuration.GetSection("Services");

builder.Services.AddHttpClient<GitHubClient>(client =>
{
    client.BaseAddress = new Uri(services["GitHub"]!);
    client.DefaultRequestHeaders.UserAgent.ParseAdd("sponsor-app");
    client.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.github+json");
});
builder.Services.AddHttpClient(StripePayments.ClientName, client =>
{
    client.BaseAddress = new Uri(services["Stripe"]!);
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", services["StripeSecretKey"]);
});
builder.Services.AddTransient<StripePayments>();

var app = builder.Build();

app.MapPost("/sponsorships", async (SponsorshipRequest request, GitHubClient github, StripePayments stripe, CancellationToken cancellationToken) =>
{
    var parts = request.Repository.Split('/');
    var repository = parts.Length == 2 ? await github.GetRepositoryAsync(parts[0], parts[1], cancellationToken) : null;
    if (repository is null)
    {
        return Results.NotFound(new { error = $"GitHub has no repository {request.Repository}." });
    }

    var intent = await stripe.CreatePaymentIntentAsync(request.AmountCents, $"Sponsorship of {repository.FullName}", cancellationToken);
    return Results.Created($"/sponsorships/{intent.Id}", new Sponsorship(intent.Id, repository.FullName, repository.Stars, intent.Status));
});

// The default client, for a service the tests do not fake: they show that it is refused, not called.
app.MapGet("/status", async (IHttpClientFactory factory, CancellationToken cancellationToken) =>
{
    try
    {
        var status = await factory.CreateClient().GetStringAsync(new Uri(services["GitHubStatus"]!), cancellationToken);
        return Results.Content(status, "application/json");
    }
    catch (HttpRequestException ex)
    {
        return Results.Problem(ex.Message, statusCode: StatusCodes.Status502BadGateway);
    }
});

app.Run();

/// <summary>The app's entry point, public for WebApplicationFactory.</summary>
public partial class Program;
