using System.Text.Json;

namespace FakeHttpFixture;

/// <summary>Checks a JSON body against its media type's schema; bodies of other types are only matched by type.</summary>
internal static class BodyCheck
{
    public static void Check(ContractDocument document, ContractMedia media, byte[] body, string where, bool closed, List<(string Where, string What)> found)
    {
        if (media.SchemaPointer is null || !media.IsJson)
        {
            return;
        }

        if (document.Schemas.For(media.SchemaPointer, closed).Check(body) is not { } findings)
        {
            found.Add((where, $"the body is not JSON ({Why(body)})"));
            return;
        }

        foreach (var finding in findings)
        {
            found.Add((ContractViolation.At(where, finding.Pointer), ContractViolation.Describe(finding)));
        }
    }

    // Only a body that failed to parse gets here: it is parsed once more for the reader's words on where it broke.
    private static string Why(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return "it could not be read";
        }
        catch (JsonException ex)
        {
            return ex.Message.TrimEnd('.');
        }
    }
}
