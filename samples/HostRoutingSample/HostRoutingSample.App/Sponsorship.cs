namespace HostRoutingSample.App;

/// <summary>What a client posts to /sponsorships.</summary>
public sealed record SponsorshipRequest(string Repository, int AmountCents);

/// <summary>What /sponsorships answers.</summary>
public sealed record Sponsorship(string PaymentIntent, string Repository, int Stars, string Status);
