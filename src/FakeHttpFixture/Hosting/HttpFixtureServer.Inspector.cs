namespace FakeHttpFixture;

/// <content>What the inspector (Inspector/, an add-on on the server's seam) reads of the server, and where it says it is.</content>
public sealed partial class HttpFixtureServer
{
    private volatile Uri? _inspectorAddress;

    /// <summary>
    /// Gets the address of the inspector page, such as "http://127.0.0.1:40123/__fakehttp/"; <see langword="null"/> while the inspector
    /// is off (<see cref="InspectorExtensions.EnableInspector(HttpFixtureOptions)"/>).
    /// </summary>
    public Uri? InspectorAddress
    {
        get => _inspectorAddress;
        internal set => _inspectorAddress = value;
    }

    /// <summary>Gets the stubs set up now, for the inspector.</summary>
    internal IReadOnlyList<HttpStub> StubList => _stubs.All;

    /// <summary>Gets the options the server started with, for the inspector's HAR and access check.</summary>
    internal HttpFixtureOptions StartOptions => _options;

    /// <summary>Gets a token cancelled when the server starts to stop, which ends the inspector's live feeds.</summary>
    internal CancellationToken Stopping => _stopping.Token;
}
