namespace FakeHttpFixture.WireMock.Tests.Support;

/// <summary>The requests sent to the reference mapping set (Mappings/reference), with fakehttp's answers: status and body.</summary>
public static class ReferenceCases
{
    public static readonly HttpCase[] All =
    [
        new("url with its query", "GET", "/exact?q=1", 200, "exact with query"),
        new("url with another query", "GET", "/exact?q=2", 404),
        new("urlPath ignores the query", "GET", "/path?x=1", 200, "path only"),
        new("urlPattern", "GET", "/pattern/123", 200, "pattern"),
        new("urlPattern not matched", "GET", "/pattern/abc", 404),
        new("urlPathPattern ignores the query", "GET", "/ppattern/abc?z=1", 200, "path pattern"),
        new("urlPathPattern is case-sensitive", "GET", "/ppattern/ABC", 404),
        new("urlPathTemplate with a path parameter", "GET", "/users/7/orders/9", 200, "user 7's order"),
        new("urlPathTemplate with another parameter", "GET", "/users/8/orders/9", 404),
        new("urlPathTemplate with a segment too many", "GET", "/users/7/orders/9/x", 404),
        new("ANY takes DELETE", "DELETE", "/any", 200, "any method"),
        new("ANY takes PATCH", "PATCH", "/any", 200, "any method"),
        new("method must match", "POST", "/path", 404),
        new("query parameters", "GET", "/query?a=1&b=hello&c=123&d=yes&f=abc", 200, "query matched"),
        new("query absent refuses a present one", "GET", "/query?a=1&b=hello&c=123&d=yes&f=abc&e=1", 404),
        new("query matches is whole", "GET", "/query?a=1&b=hello&c=1234&d=yes&f=abc", 404),
        new("query doesNotMatch", "GET", "/query?a=1&b=hello&c=123&d=xyz&f=abc", 404),
        new("query decoded", "GET", "/query?a=%31&b=h%65llo&c=123&d=yes&f=ABC", 200, "query matched"),
        new("headers", "GET", "/headers", 200, "headers matched", null, "X-Token: t1", "Accept: application/json"),
        new("header absent refuses a present one", "GET", "/headers", 404, null, null, "X-Token: t1", "Accept: application/json", "X-Absent: 1"),
        new("header name any case", "GET", "/headers", 200, "headers matched", null, "x-token: t1", "accept: text/json"),
        new("header value", "GET", "/headers", 404, null, null, "X-Token: t2", "Accept: application/json"),
        new("cookie", "GET", "/cookies", 200, "cookie matched", null, "Cookie: a=b; session=s-42"),
        new("cookie not matched", "GET", "/cookies", 404, null, null, "Cookie: session=abc"),
        new("body equalTo", "POST", "/body/equal", 200, "body equal", "exact body"),
        new("body equalTo is exact", "POST", "/body/equal", 404, null, "exact body!"),
        new("body contains", "POST", "/body/contains", 200, "body contains", "hay needle hay"),
        new("body matches", "POST", "/body/matches", 200, "body matches", "start middle end"),
        new("body matches across lines", "POST", "/body/matches", 200, "body matches", "start\nmiddle\nend"),
        new("equalToJson ignoreArrayOrder", "POST", "/body/json", 200, "json unordered", """{"b":[3,1,2],"a":1}"""),
        new("equalToJson an item short", "POST", "/body/json", 404, null, """{"a":1,"b":[1,2]}"""),
        new("equalToJson ignoreExtraElements", "POST", "/body/json-extra", 200, "json extra", """{"a":1,"z":2}"""),
        new("equalToJson from a string", "POST", "/body/json-strict", 200, "json strict", """{ "a" : 1 }"""),
        new("equalToJson extra member", "POST", "/body/json-strict", 404, null, """{"a":1,"z":2}"""),
        new("equalToJson not JSON", "POST", "/body/json-strict", 404, null, "a=1"),
        new("matchesJsonPath filter", "POST", "/body/jsonpath", 200, "jsonpath", """{"items":[{"price":5},{"price":20}]}"""),
        new("matchesJsonPath filter empty", "POST", "/body/jsonpath", 404, null, """{"items":[{"price":5}]}"""),
        new("matchesJsonPath nested equalTo", "POST", "/body/jsonpath-nested", 200, "jsonpath nested", """{"name":"Ann"}"""),
        new("matchesJsonPath nested not equal", "POST", "/body/jsonpath-nested", 404, null, """{"name":"Bob"}"""),
        new("priority 1 beats 9", "GET", "/priority", 200, "high"),
        new("status message headers body", "GET", "/status", 418, "short and stout"),
        new("jsonBody", "GET", "/jsonbody", 200, """{"k":[1,2],"s":"x"}"""),
        new("base64Body", "GET", "/base64", 200, "hello base64"),
        new("bodyFileName from __files", "GET", "/file", 200, "{\"from\":\"__files\"}\n"),
        new("header with two values", "GET", "/multi-header", 204, string.Empty),
        new("template", "POST", "/template/5?q=qq", 200, "5 template qq POST nm en 42", """{"n":"en"}""", "X-Name: nm"),
        new("HEAD of a body", "HEAD", "/any", 200, string.Empty),
        new("unmatched POST", "POST", "/nothing", 404),
        new("unmatched GET", "GET", "/nothing", 404),
    ];

    public static TheoryData<string> Names => [.. All.Select(c => c.Name)];

    public static HttpCase Named(string name) => All.Single(c => c.Name == name);
}
