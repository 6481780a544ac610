using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;

namespace FakeHttpFixture;

/// <summary>Reads WireMock's string and body matchers.</summary>
internal static class MatcherParser
{
    private static readonly string[] StringWords = ["equalTo", "contains", "matches", "doesNotMatch", "absent", "caseInsensitive"];
    private static readonly string[] BodyWords = ["equalTo", "contains", "matches", "doesNotMatch", "equalToJson", "matchesJsonPath", "ignoreArrayOrder", "ignoreExtraElements", "caseInsensitive"];

    public static Dictionary<string, StringMatcher> ReadMap(MappingReader reader, JsonObject parent, string name, string path, StringComparer comparer)
    {
        var result = new Dictionary<string, StringMatcher>(comparer);
        if (parent[name] is null)
        {
            return result;
        }

        foreach (var (key, value) in reader.Object(parent[name], $"{path}.{name}"))
        {
            result[key] = ReadString(reader, value, $"{path}.{name}.{key}");
        }

        return result;
    }

    public static StringMatcher ReadString(MappingReader reader, JsonNode? node, string path)
    {
        var matcher = reader.Object(node, path);
        reader.OnlyKnown(matcher, path, StringWords, "a string matcher");
        var caseInsensitive = matcher["caseInsensitive"] is { } flag && reader.Bool(flag, $"{path}.caseInsensitive");
        return One(reader, matcher, path, "a string matcher", caseInsensitive, allowBody: false);
    }

    public static BodyMatcher ReadBody(MappingReader reader, JsonNode? node, string path)
    {
        var matcher = reader.Object(node, path);
        reader.OnlyKnown(matcher, path, BodyWords, "a body pattern");
        if (matcher["equalToJson"] is { } json)
        {
            var expected = json is JsonValue value && value.TryGetValue<string>(out var text)
                ? RequestFacts.TryParse(text) ?? throw reader.Fail($"{path}.equalToJson", "the string is not JSON; give the JSON itself or a string that holds it.")
                : JToken.Parse(json.ToJsonString());
            return BodyMatcher.ForJson(expected, Flag(reader, matcher, "ignoreArrayOrder", path), Flag(reader, matcher, "ignoreExtraElements", path));
        }

        if (matcher["matchesJsonPath"] is { } jsonPath)
        {
            if (jsonPath is JsonObject withMatcher)
            {
                var expression = reader.String(withMatcher["expression"], $"{path}.matchesJsonPath.expression");
                var rest = new JsonObject();
                foreach (var (key, value) in withMatcher)
                {
                    if (key != "expression")
                    {
                        rest[key] = value?.DeepClone();
                    }
                }

                return BodyMatcher.ForJsonPath(expression, ReadString(reader, rest, $"{path}.matchesJsonPath"));
            }

            return BodyMatcher.ForJsonPath(reader.String(jsonPath, $"{path}.matchesJsonPath"), null);
        }

        var caseInsensitive = Flag(reader, matcher, "caseInsensitive", path);
        return BodyMatcher.ForText(One(reader, matcher, path, "a body pattern", caseInsensitive, allowBody: true));
    }

    private static bool Flag(MappingReader reader, JsonObject matcher, string name, string path) =>
        matcher[name] is { } flag && reader.Bool(flag, $"{path}.{name}");

    private static StringMatcher One(MappingReader reader, JsonObject matcher, string path, string what, bool caseInsensitive, bool allowBody)
    {
        StringMatcher? found = null;
        foreach (var (name, value) in matcher)
        {
            StringMatchKind? kind = name switch
            {
                "equalTo" => StringMatchKind.EqualTo,
                "contains" => StringMatchKind.Contains,
                "matches" => StringMatchKind.Matches,
                "doesNotMatch" => StringMatchKind.DoesNotMatch,
                "absent" when !allowBody => StringMatchKind.Absent,
                _ => null,
            };
            if (kind is null)
            {
                continue;
            }

            if (found is not null)
            {
                throw reader.Fail($"{path}.{name}", $"{what} has one matcher, and this one also has '{found.Kind}'; give each its own entry.");
            }

            try
            {
                found = kind == StringMatchKind.Absent
                    ? new StringMatcher(StringMatchKind.Absent, string.Empty)
                    : new StringMatcher(kind.Value, reader.String(value, $"{path}.{name}"), caseInsensitive);
            }
            catch (ArgumentException ex)
            {
                throw reader.Fail($"{path}.{name}", $"the regular expression does not compile: {ex.Message}");
            }
        }

        return found ?? throw reader.Fail(path, $"{what} needs one of equalTo, contains, matches, doesNotMatch{(allowBody ? ", equalToJson, matchesJsonPath" : ", absent")}.");
    }
}
