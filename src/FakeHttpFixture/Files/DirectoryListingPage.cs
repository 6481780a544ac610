using System.Globalization;
using System.Net;
using System.Text;

namespace FakeHttpFixture;

/// <summary>
/// Renders the HTML listing of a directory, shaped like Python's http.server listing plus sizes and dates and a parent link.
/// Written by hand rather than with ASP.NET Core's HtmlDirectoryFormatter, which does not percent-encode its links, so names
/// with '#', '?', '%' or spaces would break.
/// </summary>
internal static class DirectoryListingPage
{
    public static byte[] Render(string directoryPath, List<ListingEntry> entries)
    {
        // Python's order: case-insensitive by name, so a user comparing the two sees the same list.
        entries.Sort(static (a, b) =>
        {
            var byLower = string.CompareOrdinal(a.Name.ToLowerInvariant(), b.Name.ToLowerInvariant());
            return byLower != 0 ? byLower : string.CompareOrdinal(a.Name, b.Name);
        });

        var title = WebUtility.HtmlEncode("Directory listing for " + directoryPath);
        var html = new StringBuilder(256 + (entries.Count * 160));
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(title)
            .Append("</title>\n</head>\n<body>\n<h1>").Append(title).Append("</h1>\n<hr>\n<ul>\n");
        if (directoryPath != "/")
        {
            html.Append("<li class=\"parent\"><a href=\"../\">../</a></li>\n");
        }

        foreach (var entry in entries)
        {
            var suffix = entry.IsDirectory ? "/" : string.Empty;
            html.Append("<li><a href=\"").Append(Uri.EscapeDataString(entry.Name)).Append(suffix).Append("\">")
                .Append(WebUtility.HtmlEncode(entry.Name)).Append(suffix).Append("</a>");
            if (!entry.IsDirectory)
            {
                html.Append(CultureInfo.InvariantCulture, $" <span class=\"size\">{entry.Length}</span>");
            }

            var utc = entry.LastModified.UtcDateTime;
            html.Append(CultureInfo.InvariantCulture, $" <time datetime=\"{utc:yyyy-MM-ddTHH:mm:ssZ}\">{utc:yyyy-MM-dd HH:mm:ss} UTC</time></li>\n");
        }

        html.Append("</ul>\n<hr>\n</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }
}
