using Newtonsoft.Json.Linq;

namespace FakeHttpFixture;

/// <summary>equalToJson's comparison: the same JSON value, with WireMock's ignoreArrayOrder and ignoreExtraElements relaxations.</summary>
internal static class JsonEquality
{
    public static bool AreEqual(JToken expected, JToken actual, bool ignoreArrayOrder, bool ignoreExtraElements)
    {
        switch (expected)
        {
            case JObject expectedObject:
                return actual is JObject actualObject && ObjectsEqual(expectedObject, actualObject, ignoreArrayOrder, ignoreExtraElements);
            case JArray expectedArray:
                return actual is JArray actualArray && ArraysEqual(expectedArray, actualArray, ignoreArrayOrder, ignoreExtraElements);
            case JValue { Type: JTokenType.Integer or JTokenType.Float } number when actual is JValue { Type: JTokenType.Integer or JTokenType.Float } other:
                // 1 and 1.0 are the same number in JSON.
                return number.ToObject<decimal>() == other.ToObject<decimal>();
            default:
                return JToken.DeepEquals(expected, actual);
        }
    }

    private static bool ObjectsEqual(JObject expected, JObject actual, bool ignoreArrayOrder, bool ignoreExtraElements)
    {
        if (!ignoreExtraElements && expected.Count != actual.Count)
        {
            return false;
        }

        foreach (var (name, value) in expected)
        {
            if (!actual.TryGetValue(name, StringComparison.Ordinal, out var other) || !AreEqual(value!, other, ignoreArrayOrder, ignoreExtraElements))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ArraysEqual(JArray expected, JArray actual, bool ignoreArrayOrder, bool ignoreExtraElements)
    {
        if (ignoreExtraElements ? actual.Count < expected.Count : actual.Count != expected.Count)
        {
            return false;
        }

        if (!ignoreArrayOrder)
        {
            for (var i = 0; i < expected.Count; i++)
            {
                if (!AreEqual(expected[i], actual[i], ignoreArrayOrder, ignoreExtraElements))
                {
                    return false;
                }
            }

            return true;
        }

        // Each expected item takes the first unused actual item equal to it: enough for the small arrays of test bodies.
        var used = new bool[actual.Count];
        foreach (var item in expected)
        {
            var found = false;
            for (var j = 0; j < actual.Count && !found; j++)
            {
                if (!used[j] && AreEqual(item, actual[j], ignoreArrayOrder, ignoreExtraElements))
                {
                    used[j] = found = true;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }
}
