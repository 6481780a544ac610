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

    /// <summary>
    /// Gets the table from file extension (with its dot, any case, such as ".js") to the Content-Type served; add, replace or remove
    /// entries to change what this server sends. The table is built in rather than read from the operating system, so a test answers
    /// the same everywhere; files whose extension is not in it are served as application/octet-stream.
    /// </summary>
    /// <value>The default value is a table of about 80 common types: ".js" is "text/javascript; charset=utf-8", ".json" is "application/json", text types say charset=utf-8.</value>
    public IDictionary<string, string> ContentTypes { get; } = new Dictionary<string, string>(MediaTypes.Defaults, StringComparer.OrdinalIgnoreCase);
}
