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

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            found.Add((where, $"the body is not JSON ({ex.Message})"));
            return;
        }

        using (json)
        {
            foreach (var finding in document.Schemas.For(media.SchemaPointer, closed).Check(json.RootElement))
            {
                found.Add((ContractViolation.At(where, finding.Pointer), ContractViolation.Describe(finding)));
            }
        }
    }
}
