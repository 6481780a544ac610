namespace FakeHttpFixture;

/// <content>How the server answers what no file answers.</content>
public sealed partial class HttpFixtureOptions
{
    /// <summary>Gets or sets a value indicating whether the server answers CORS preflights and adds the CORS headers browser-based tests need.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool EnableCors { get; set; }
}
