namespace FakeHttpFixture;

/// <content>How the served tree is exposed.</content>
public sealed partial class HttpFixtureOptions
{
    /// <summary>Gets or sets a value indicating whether a directory without an index.html is answered with an HTML listing of its entries.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool DirectoryListing { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether symbolic links that lead outside the served directory are followed; links inside it always are.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool FollowSymlinks { get; set; }

    /// <summary>Gets or sets a value indicating whether PUT stores a file into the served tree and DELETE removes one, so that a later GET serves the change.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AcceptUploads { get; set; }
}
