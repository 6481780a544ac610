using System.Globalization;
using System.Security.Cryptography;
using HandlebarsDotNet;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FakeHttpFixture;

/// <summary>WireMock's common template helpers, on Handlebars.Net: jsonPath, randomValue, now, math, eq (as a block and in a sub-expression).</summary>
internal static class TemplateHelpers
{
    private const string Alphabetic = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string Numeric = "0123456789";
    private const string Symbols = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    public static void Register(IHandlebars handlebars)
    {
        handlebars.RegisterHelper("jsonPath", (context, arguments) => JsonPath(arguments));
        handlebars.RegisterHelper("randomValue", (context, arguments) => RandomValue(Hash(arguments)));
        handlebars.RegisterHelper("now", (context, arguments) => Now(Hash(arguments)));
        handlebars.RegisterHelper("math", (context, arguments) => Math(arguments));
        handlebars.RegisterHelper("eq", (context, arguments) => arguments.Length >= 2 && Same(arguments[0], arguments[1]));
        handlebars.RegisterHelper("eq", (output, options, context, arguments) =>
        {
            if (arguments.Length >= 2 && Same(arguments[0], arguments[1]))
            {
                options.Template(output, context);
            }
            else
            {
                options.Inverse(output, context);
            }
        });
    }

    private static bool Same(object? left, object? right) => string.Equals(Text(left), Text(right), StringComparison.Ordinal);

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    private static IReadOnlyDictionary<string, object?> Hash(Arguments arguments) => arguments.Hash;

    private static object? JsonPath(Arguments arguments)
    {
        if (arguments.Length < 2)
        {
            return string.Empty;
        }

        var json = arguments[0] is JToken token ? token : RequestFacts.TryParse(Text(arguments[0]));
        JToken? found;
        try
        {
            found = json?.SelectToken(Text(arguments[1]));
        }
        catch (JsonException)
        {
            return string.Empty;
        }

        return found switch
        {
            null => string.Empty,
            JValue { Value: null } => "null",
            JValue value => BodyMatcher.ValueText(value),
            _ => found.ToString(Formatting.None),
        };
    }

    private static string RandomValue(IReadOnlyDictionary<string, object?> hash)
    {
        var type = hash.TryGetValue("type", out var t) ? Text(t).ToUpperInvariant() : "ALPHANUMERIC";
        var length = hash.TryGetValue("length", out var l) && int.TryParse(Text(l), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 36;
        var value = type switch
        {
            "UUID" => Guid.NewGuid().ToString(),
            "NUMERIC" => RandomNumberGenerator.GetString(Numeric, length),
            "ALPHABETIC" => RandomNumberGenerator.GetString(Alphabetic, length),
            "HEXADECIMAL" => RandomNumberGenerator.GetString("0123456789abcdef", length),
            "ALPHANUMERIC_AND_SYMBOLS" => RandomNumberGenerator.GetString(Alphabetic + Numeric + Symbols, length),
            _ => RandomNumberGenerator.GetString(Alphabetic + Numeric, length),
        };
        return hash.TryGetValue("uppercase", out var upper) && Text(upper) == "True" ? value.ToUpperInvariant() : value;
    }

    private static string Now(IReadOnlyDictionary<string, object?> hash)
    {
        var now = DateTimeOffset.UtcNow;
        if (hash.TryGetValue("offset", out var offset))
        {
            now = AddOffset(now, Text(offset));
        }

        var format = hash.TryGetValue("format", out var f) ? Text(f) : null;
        return format switch
        {
            null => now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            "epoch" => now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            "unix" => now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            _ => now.ToString(format, CultureInfo.InvariantCulture),
        };
    }

    // "3 days", "-1 hours", "10 seconds": WireMock's offset is an amount and a unit.
    private static DateTimeOffset AddOffset(DateTimeOffset now, string offset)
    {
        var parts = offset.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var amount))
        {
            return now;
        }

        return parts[1].ToLowerInvariant().TrimEnd('s') switch
        {
            "second" => now.AddSeconds(amount),
            "minute" => now.AddMinutes(amount),
            "hour" => now.AddHours(amount),
            "day" => now.AddDays(amount),
            "month" => now.AddMonths(amount),
            "year" => now.AddYears(amount),
            _ => now,
        };
    }

    private static object Math(Arguments arguments)
    {
        if (arguments.Length < 3
            || !decimal.TryParse(Text(arguments[0]), NumberStyles.Number, CultureInfo.InvariantCulture, out var left)
            || !decimal.TryParse(Text(arguments[2]), NumberStyles.Number, CultureInfo.InvariantCulture, out var right))
        {
            return string.Empty;
        }

        var result = Text(arguments[1]) switch
        {
            "+" => left + right,
            "-" => left - right,
            "*" => left * right,
            "/" when right != 0 => left / right,
            "%" when right != 0 => left % right,
            _ => (decimal?)null,
        };
        return result is { } number ? number.ToString(CultureInfo.InvariantCulture) : string.Empty;
    }
}
