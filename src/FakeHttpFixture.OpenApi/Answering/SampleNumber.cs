using System.Text.Json;

namespace FakeHttpFixture;

/// <summary>Makes a number for a numeric schema: 1, moved inside its bounds and onto its multipleOf.</summary>
internal static class SampleNumber
{
    public static decimal For(JsonElement schema, bool integer)
    {
        var step = integer ? 1m : 0.5m;
        var value = 1m;
        if (Read(schema, "minimum") is { } minimum)
        {
            value = Math.Max(value, minimum);
        }

        if (Read(schema, "exclusiveMinimum") is { } above && value <= above)
        {
            value = above + step;
        }

        if (Read(schema, "maximum") is { } maximum)
        {
            value = Math.Min(value, maximum);
        }

        if (Read(schema, "exclusiveMaximum") is { } below && value >= below)
        {
            value = below - step;
        }

        if (Read(schema, "multipleOf") is { } multiple && multiple > 0)
        {
            value = Math.Ceiling(value / multiple) * multiple;
        }

        return integer ? Math.Ceiling(value) : value;
    }

    private static decimal? Read(JsonElement schema, string name) =>
        JsonRefs.Property(schema, name) is { ValueKind: JsonValueKind.Number } n && n.TryGetDecimal(out var d) ? d : null;
}
