using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FakeHttpFixture;

/// <summary>
/// Compares an expected JSON value with a received one and names the first difference by its path, such as
/// <c>$.items[1].qty: expected 2, received "2"</c>. "Equal" wants the same value; "containing" lets objects have more
/// properties than expected, at every depth (arrays still compare element by element, with the same length, as Jest's
/// toMatchObject does). Numbers compare by value (2 equals 2.0), names and strings ordinally.
/// </summary>
internal static class JsonDifference
{
    /// <summary>Returns <see langword="null"/> when <paramref name="received"/> equals (or contains) <paramref name="expected"/>, else the first difference.</summary>
    public static string? Find(JsonElement expected, JsonElement received, bool containing)
    {
        var path = new List<object>();
        return Compare(expected, received, containing, path);
    }

    private static string? Compare(JsonElement expected, JsonElement received, bool containing, List<object> path)
    {
        if (expected.ValueKind != received.ValueKind && !(IsBoolean(expected) && IsBoolean(received)))
        {
            return Differ(path, expected, received);
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in expected.EnumerateObject())
                {
                    path.Add(property.Name);
                    var difference = received.TryGetProperty(property.Name, out var value)
                        ? Compare(property.Value, value, containing, path)
                        : $"{Path(path)}: expected {ReportText.Json(property.Value, 40)}, not present";
                    if (difference is not null)
                    {
                        return difference;
                    }

                    path.RemoveAt(path.Count - 1);
                }

                if (!containing)
                {
                    foreach (var property in received.EnumerateObject())
                    {
                        if (!expected.TryGetProperty(property.Name, out _))
                        {
                            path.Add(property.Name);
                            return $"{Path(path)}: not expected, received {ReportText.Json(property.Value, 40)}";
                        }
                    }
                }

                return null;

            case JsonValueKind.Array:
                var expectedLength = expected.GetArrayLength();
                var receivedLength = received.GetArrayLength();
                if (expectedLength != receivedLength)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"{Path(path)}: expected {Items(expectedLength)}, received {receivedLength}");
                }

                var index = 0;
                foreach (var (item, other) in expected.EnumerateArray().Zip(received.EnumerateArray()))
                {
                    path.Add(index++);
                    if (Compare(item, other, containing, path) is { } difference)
                    {
                        return difference;
                    }

                    path.RemoveAt(path.Count - 1);
                }

                return null;

            case JsonValueKind.String:
                return string.Equals(expected.GetString(), received.GetString(), StringComparison.Ordinal) ? null : Differ(path, expected, received);

            case JsonValueKind.Number:
                return SameNumber(expected, received) ? null : Differ(path, expected, received);

            default:
                return expected.ValueKind == received.ValueKind ? null : Differ(path, expected, received);
        }
    }

    private static bool IsBoolean(JsonElement element) => element.ValueKind is JsonValueKind.True or JsonValueKind.False;

    private static bool SameNumber(JsonElement a, JsonElement b)
    {
        if (a.GetRawText() == b.GetRawText())
        {
            return true;
        }

        if (a.TryGetDecimal(out var x) && b.TryGetDecimal(out var y))
        {
            return x == y;
        }

        return a.TryGetDouble(out var p) && b.TryGetDouble(out var q) && p.Equals(q);
    }

    private static string Differ(List<object> path, JsonElement expected, JsonElement received) =>
        $"{Path(path)}: expected {ReportText.Json(expected, 40)}, received {ReportText.Json(received, 40)}";

    private static string Items(int count) => count == 1 ? "1 item" : string.Create(CultureInfo.InvariantCulture, $"{count} items");

    private static string Path(List<object> path)
    {
        var text = new StringBuilder("$");
        foreach (var step in path)
        {
            if (step is int index)
            {
                text.Append(CultureInfo.InvariantCulture, $"[{index}]");
            }
            else if (step is string name && IsIdentifier(name))
            {
                text.Append('.').Append(name);
            }
            else
            {
                text.Append("['").Append(((string)step).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
            }
        }

        return text.ToString();
    }

    private static bool IsIdentifier(string name) =>
        name.Length != 0 && (char.IsLetter(name[0]) || name[0] is '_' or '$') && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '$');
}
