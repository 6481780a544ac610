using System.Text;

namespace FakeHttpFixture.WireMock.Tests.Support;

/// <summary>One request of the reference set, and what fakehttp answers it with (the differential test checks WireMock answers the same).</summary>
public sealed record HttpCase(string Name, string Method, string Target, int Status, string? Body = null, string? RequestBody = null, params string[] Headers)
{
    public HttpRequestMessage ToRequest(Uri baseAddress)
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(baseAddress, Target));
        if (RequestBody is not null)
        {
            request.Content = new StringContent(RequestBody, Encoding.UTF8);
            request.Content.Headers.ContentType = null;
        }

        foreach (var header in Headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            request.Headers.TryAddWithoutValidation(header[..colon], header[(colon + 1)..].Trim());
        }

        return request;
    }

    /// <summary>A client that sends Cookie headers as given and follows no redirects.</summary>
    public static HttpClient Client() => new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };

    public override string ToString() => Name;
}
