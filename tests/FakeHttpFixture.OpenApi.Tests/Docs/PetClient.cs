using System.Net.Http.Json;

namespace FakeHttpFixture.OpenApi.Tests.Docs;

/// <summary>The code under test in docs/contracts.md: a client of the pet store that pets.yaml describes.</summary>
public sealed class PetClient(HttpClient http)
{
    public Task<Pet?> GetAsync(long id, CancellationToken cancellationToken) => http.GetFromJsonAsync<Pet>($"pets/{id}", cancellationToken);

    public async Task<Pet?> AddAsync(string name, string kind, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("pets", new { name, kind }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<Pet>(cancellationToken);
    }
}
