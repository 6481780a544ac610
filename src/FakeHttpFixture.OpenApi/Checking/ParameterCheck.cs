namespace FakeHttpFixture;

/// <summary>Checks one parameter or header: present when required, and its value by its schema.</summary>
internal static class ParameterCheck
{
    public static void Check(ContractDocument document, ContractParameter parameter, IReadOnlyList<string> values, string where, List<(string Where, string What)> found)
    {
        if (values.Count == 0)
        {
            if (parameter.Required)
            {
                found.Add((where, "it is required but was not sent"));
            }

            return;
        }

        if (parameter.SchemaPointer is null || parameter.Schema is not { } schema)
        {
            return;
        }

        var value = ParameterValue.ToJson(document.Root, schema, values, parameter.Explode);
        foreach (var finding in document.Schemas.For(parameter.SchemaPointer).Check(value) ?? [])
        {
            found.Add((ContractViolation.At(where, finding.Pointer), ContractViolation.Describe(finding)));
        }
    }
}
