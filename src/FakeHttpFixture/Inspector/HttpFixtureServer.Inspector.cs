namespace FakeHttpFixture;

/// <content>The inspector (<see cref="HttpFixtureOptions.EnableInspector"/>) and what it reads of the server.</content>
public sealed partial class HttpFixtureServer
{
    private volatile Uri? _inspectorAddress;

    /// <summary>Gets the address of the inspector page, such as "http://127.0.0.1:40123/__fakehttp/"; <see langword="null"/> while the inspector is off.</summary>
    public Uri? InspectorAddress => _inspectorAddress;

    /// <summary>Gets the stubs set up now, for the inspector.</summary>
    internal IReadOnlyList<HttpStub> StubList => _stubs.All;

    /// <summary>Gets the options the server started with, for the inspector's HAR and access check.</summary>
    internal HttpFixtureOptions StartOptions => _options;

    /// <summary>Gets a token cancelled when the server starts to stop, which ends the inspector's live feeds.</summary>
    internal CancellationToken Stopping => _stopping.Token;

    /// <summary>
    /// Turns the inspector on for this server, as <see cref="HttpFixtureOptions.EnableInspector"/> does at start, and returns its address;
    /// the test-framework adapters call it for a failed test's server kept up by FAKEHTTP_KEEP_ON_FAILURE. Calling it again changes nothing.
    /// </summary>
    /// <returns>The address of the inspector page (<see cref="InspectorAddress"/>).</returns>
    public Uri EnableInspector()
    {
        var inspector = GetOrAddExtension(static server => new Inspector(server));
        if (inspector.Attach())
        {
            MapOwnPages(Inspector.Prefix, inspector.HandleAsync);
            AddObserver(inspector);
            _inspectorAddress = Url(Inspector.Prefix[1..] + "/");
        }

        return _inspectorAddress ?? Url(Inspector.Prefix[1..] + "/");
    }
}
