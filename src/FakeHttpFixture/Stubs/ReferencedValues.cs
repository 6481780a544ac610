using System.Text;
using System.Text.RegularExpressions;

namespace FakeHttpFixture;

/// <summary>
/// The received values a predicate's source text refers to, so that <c>Where(r =&gt; r.Header("X-Tenant") == "acme") was false</c>
/// can go on with <c>(X-Tenant: globex)</c>: headers, query, form fields and cookies it names, and the path, method, host or body it reads.
/// What the text does not name is not shown; a predicate that names nothing it can show gets no parenthesis.
/// </summary>
internal static partial class ReferencedValues
{
    public static string Describe(string source, RecordedRequest request)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var values = new List<string>();
        foreach (Match reference in Reference().Matches(source))
        {
            var name = reference.Groups["name"].Value;
            var (label, value) = reference.Groups["member"].Value switch
            {
                "Header" or "Headers" => (name, request.Header(name) ?? "not sent"),
                "Form" => ($"form {name}", Form(request, name)),
                "Cookies" => ($"cookie {name}", request.Cookies.TryGetValue(name, out var cookie) ? cookie : "not sent"),
                "Path" => ("path", request.Path),
                "Method" => ("method", request.Method),
                "QueryString" => ("query", request.QueryString.Length == 0 ? "none" : request.QueryString),
                "Url" => ("url", request.Url.ToString()),
                "Host" => ("host", request.Host),
                "Protocol" => ("protocol", request.Protocol),
                "Scheme" => ("scheme", request.Scheme),
                _ => ("body", ReportText.Body(request)),
            };
            if (seen.Add(label))
            {
                values.Add($"{label}: {ReportText.Cut(value, ReportText.Width)}");
            }
        }

        return values.Count == 0 ? string.Empty : new StringBuilder(" (").AppendJoin(", ", values).Append(')').ToString();
    }

    private static string Form(RecordedRequest request, string name)
    {
        try
        {
            return request.Form.TryGetValue(name, out var values) ? string.Join(", ", values) : "not sent";
        }
        catch (InvalidDataException)
        {
            return "malformed form";
        }
    }

    // .Header("X"), .Headers["X"], .Form["x"], .Cookies["x"], and the members that need no name. A name must be a plain literal.
    [GeneratedRegex("""\.(?:(?<member>Header)\(\s*"(?<name>[^"\\]+)"\s*\)|(?<member>Headers|Form|Cookies)\s*\[\s*"(?<name>[^"\\]+)"\s*\]|(?<member>Path|Method|QueryString|Url|Host|Protocol|Scheme|BodyText|BodyJson|Body)\b)""")]
    private static partial Regex Reference();
}
