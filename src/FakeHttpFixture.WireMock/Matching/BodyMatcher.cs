using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FakeHttpFixture;

/// <summary>One entry of a mapping's <c>bodyPatterns</c>: a string matcher on the body's text, <c>equalToJson</c> or <c>matchesJsonPath</c>.</summary>
internal sealed class BodyMatcher
{
    private BodyMatcher()
    {
    }

    public StringMatcher? Text { get; private init; }

    public JToken? ExpectedJson { get; private init; }

    public bool IgnoreArrayOrder { get; private init; }

    public bool IgnoreExtraElements { get; private init; }

    public string? JsonPath { get; private init; }

    public StringMatcher? JsonPathValue { get; private init; }

    public static BodyMatcher ForText(StringMatcher matcher) => new() { Text = matcher };

    public static BodyMatcher ForJson(JToken expected, bool ignoreArrayOrder, bool ignoreExtraElements) =>
        new() { ExpectedJson = expected, IgnoreArrayOrder = ignoreArrayOrder, IgnoreExtraElements = ignoreExtraElements };

    public static BodyMatcher ForJsonPath(string expression, StringMatcher? value) => new() { JsonPath = expression, JsonPathValue = value };

    public bool IsMatch(RequestFacts request)
    {
        if (Text is { } text)
        {
            return text.IsMatch(request.BodyText);
        }

        if (request.Json is not { } actual)
        {
            return false;
        }

        if (ExpectedJson is { } expected)
        {
            return JsonEquality.AreEqual(expected, actual, IgnoreArrayOrder, IgnoreExtraElements);
        }

        List<JToken> found;
        try
        {
            found = [.. actual.SelectTokens(JsonPath!)];
        }
        catch (JsonException)
        {
            return false;
        }

        if (JsonPathValue is not { } nested)
        {
            // A filter that selects nothing, or a member that is not there, is no match, as in WireMock.
            return found.Count > 0 && !(found.Count == 1 && found[0].Type == JTokenType.Null);
        }

        return found.Count > 0 ? found.Exists(token => nested.IsMatch(ValueText(token))) : nested.IsMatch((string?)null);
    }

    /// <summary>A JSON value as a nested matcher sees it: a string's characters, anything else as compact JSON.</summary>
    public static string ValueText(JToken token) => token is JValue { Value: string s } ? s : token is JValue { Value: null } ? "null" : token.Type is JTokenType.Boolean ? token.ToString(Formatting.None).ToLowerInvariant() : token.ToString(Formatting.None);

    public override string ToString() => Text?.ToString()
        ?? (ExpectedJson is { } json ? $"equalToJson {json.ToString(Formatting.None)}" : $"matchesJsonPath {JsonPath}{(JsonPathValue is null ? string.Empty : " " + JsonPathValue)}");
}
