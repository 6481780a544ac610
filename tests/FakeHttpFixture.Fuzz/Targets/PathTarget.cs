namespace FakeHttpFixture.Fuzz;

/// <summary>
/// RequestPath.Parse on a raw request target (the whole input, as UTF-8). What it accepts must be a clean relative path that
/// only names servable segments, and the redirect it would send must be ASCII, a single-slash path, and decode to the same path.
/// </summary>
internal sealed class PathTarget : FuzzTarget
{
    public override string Name => "path";

    public override string Description => "RequestPath.Parse: the input is a raw request target (\"/a/b%20c?x=1\").";

    public override void Run(ReadOnlySpan<byte> input)
    {
        var target = FuzzInput.Text(input);
        RequestPath.IsServableSegment(target);
        var path = RequestPath.Parse(target);
        if (path.Status != RequestPathStatus.Ok)
        {
            FuzzCheck.That(path.Relative.Length == 0, "a refused path carries no relative path");
            return;
        }

        var relative = path.Relative;
        FuzzCheck.That(relative.Length == 0 || (relative[0] != '/' && relative[^1] != '/'), $"the relative path \"{relative}\" has no leading or trailing '/'");
        foreach (var segment in relative.Split('/'))
        {
            if (relative.Length == 0)
            {
                break;
            }

            FuzzCheck.That(segment is not ("" or "." or ".."), $"the relative path \"{relative}\" has no empty, '.' or '..' segment");
            FuzzCheck.That(RequestPath.IsServableSegment(segment), $"the relative path \"{relative}\" names only servable segments");
        }

        FuzzCheck.That(!relative.Any(c => c < ' ' || c == '\u007f'), $"the relative path \"{relative}\" has no control character");
        FuzzCheck.That(path.TrailingSlash || relative.Length != 0, "the root is a directory");

        var location = path.Location(trailingSlash: false, withQuery: false);
        var redirect = path.SlashLocation();
        foreach (var header in (string[])[location, redirect])
        {
            FuzzCheck.That(header.StartsWith('/') && !header.StartsWith("//", StringComparison.Ordinal), $"the location \"{header}\" is one path, not a network-path reference");
            FuzzCheck.That(header.All(c => c is > ' ' and < '\u007f'), $"the location \"{header}\" is printable ASCII without spaces");
        }

        var again = RequestPath.Parse(location);
        FuzzCheck.That(again.Status == RequestPathStatus.Ok && again.Relative == relative, $"the location \"{location}\" decodes back to \"{relative}\" (got {again.Status} \"{again.Relative}\")");
        var slashed = RequestPath.Parse(redirect);
        FuzzCheck.That(slashed.Status == RequestPathStatus.Ok && slashed.Relative == relative && slashed.TrailingSlash, $"the redirect \"{redirect}\" decodes back to \"{relative}/\"");
    }
}
