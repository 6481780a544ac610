namespace FakeHttpFixture.Tests.Support;

/// <summary>The data of a theory that runs over every <see cref="Transport"/>: HTTP/1.1 and HTTP/2, each in cleartext and over TLS.</summary>
public static class EveryTransport
{
    /// <summary>Gets each transport once.</summary>
    public static TheoryData<Transport> All => new(Enum.GetValues<Transport>());
}
