using System.Net;
using System.Text.Json.Serialization;

namespace HostRoutingSample.App;

/// <summary>The app's typed client for GitHub's REST API.</summary>
public sealed class GitHubClient(HttpClient http)
{
    public async Task<Repository?> GetRepositoryAsync(string owner, string name, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"repos/{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(name)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<Repository>(cancellationToken);
    }
}

/// <summary>The part of GitHub's repository object the app uses.</summary>
public sealed record Repository([property: JsonPropertyName("full_name")] string FullName, [property: JsonPropertyName("stargazers_count")] int Stars);
