using System.Text.Json;

namespace FakeHttpFixture;

/// <summary>Reads the operations out of the document's OpenAPI 3.1 JSON, following local references, and notes where each schema lies.</summary>
internal static class OperationReader
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public static List<ContractOperation> Read(JsonElement root)
    {
        var operations = new List<ContractOperation>();
        if (JsonRefs.Property(root, "paths") is not { ValueKind: JsonValueKind.Object } paths)
        {
            return operations;
        }

        foreach (var path in paths.EnumerateObject())
        {
            var (item, itemPointer) = JsonRefs.Resolve(root, path.Value, JsonRefs.Append("/paths", path.Name));
            var template = new PathTemplate(path.Name);
            var shared = Parameters(root, item, itemPointer);
            foreach (var method in Methods)
            {
                if (JsonRefs.Property(item, method) is not { ValueKind: JsonValueKind.Object } operation)
                {
                    continue;
                }

                var pointer = JsonRefs.Append(itemPointer, method);
                var own = Parameters(root, operation, pointer);
                var merged = own.Concat(shared.Where(s => !own.Any(o => o.Name == s.Name && o.In == s.In))).ToList();
                operations.Add(new ContractOperation(method.ToUpperInvariant(), template, JsonRefs.Property(operation, "operationId")?.GetString(),
                    merged, RequestBody(root, operation, pointer), Responses(root, operation, pointer)));
            }
        }

        return operations;
    }

    private static List<ContractParameter> Parameters(JsonElement root, JsonElement owner, string ownerPointer)
    {
        var list = new List<ContractParameter>();
        if (JsonRefs.Property(owner, "parameters") is not { ValueKind: JsonValueKind.Array } parameters)
        {
            return list;
        }

        var index = 0;
        foreach (var raw in parameters.EnumerateArray())
        {
            var (parameter, pointer) = JsonRefs.Resolve(root, raw, JsonRefs.Append(JsonRefs.Append(ownerPointer, "parameters"), index++.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var location = JsonRefs.Property(parameter, "in")?.GetString() ?? "query";
            var name = JsonRefs.Property(parameter, "name")?.GetString() ?? string.Empty;
            var required = location == "path" || JsonRefs.Property(parameter, "required")?.ValueKind == JsonValueKind.True;
            var style = JsonRefs.Property(parameter, "style")?.GetString() ?? (location is "query" or "cookie" ? "form" : "simple");
            var explode = JsonRefs.Property(parameter, "explode") is { } e ? e.ValueKind == JsonValueKind.True : style == "form";
            list.Add(Describe(root, parameter, pointer, name, location, required, explode));
        }

        return list;
    }

    private static ContractParameter Describe(JsonElement root, JsonElement owner, string pointer, string name, string location, bool required, bool explode)
    {
        if (JsonRefs.Property(owner, "schema") is not { } schema)
        {
            return new ContractParameter(name, location, required, null, null, explode);
        }

        var schemaPointer = JsonRefs.Append(pointer, "schema");
        return new ContractParameter(name, location, required, schemaPointer, JsonRefs.Resolve(root, schema, schemaPointer).Element, explode);
    }

    private static ContractRequestBody? RequestBody(JsonElement root, JsonElement operation, string operationPointer)
    {
        if (JsonRefs.Property(operation, "requestBody") is not { } raw)
        {
            return null;
        }

        var (body, pointer) = JsonRefs.Resolve(root, raw, JsonRefs.Append(operationPointer, "requestBody"));
        return new ContractRequestBody(JsonRefs.Property(body, "required")?.ValueKind == JsonValueKind.True, Content(root, body, pointer));
    }

    private static List<ContractResponse> Responses(JsonElement root, JsonElement operation, string operationPointer)
    {
        var list = new List<ContractResponse>();
        if (JsonRefs.Property(operation, "responses") is not { ValueKind: JsonValueKind.Object } responses)
        {
            return list;
        }

        var responsesPointer = JsonRefs.Append(operationPointer, "responses");
        foreach (var entry in responses.EnumerateObject())
        {
            var (response, pointer) = JsonRefs.Resolve(root, entry.Value, JsonRefs.Append(responsesPointer, entry.Name));
            var headers = new List<ContractParameter>();
            if (JsonRefs.Property(response, "headers") is { ValueKind: JsonValueKind.Object } documented)
            {
                foreach (var header in documented.EnumerateObject())
                {
                    var (h, headerPointer) = JsonRefs.Resolve(root, header.Value, JsonRefs.Append(JsonRefs.Append(pointer, "headers"), header.Name));
                    var required = JsonRefs.Property(h, "required")?.ValueKind == JsonValueKind.True;
                    headers.Add(Describe(root, h, headerPointer, header.Name, "header", required, explode: false));
                }
            }

            list.Add(new ContractResponse(entry.Name, Content(root, response, pointer), headers));
        }

        return list;
    }

    private static List<ContractMedia> Content(JsonElement root, JsonElement owner, string ownerPointer)
    {
        var list = new List<ContractMedia>();
        if (JsonRefs.Property(owner, "content") is not { ValueKind: JsonValueKind.Object } content)
        {
            return list;
        }

        foreach (var media in content.EnumerateObject())
        {
            var (value, pointer) = JsonRefs.Resolve(root, media.Value, JsonRefs.Append(JsonRefs.Append(ownerPointer, "content"), media.Name));
            var schemaPointer = JsonRefs.Property(value, "schema") is null ? null : JsonRefs.Append(pointer, "schema");
            list.Add(new ContractMedia(media.Name, schemaPointer, Example(root, value)));
        }

        return list;
    }

    private static JsonElement? Example(JsonElement root, JsonElement media)
    {
        if (JsonRefs.Property(media, "example") is { } example)
        {
            return example;
        }

        if (JsonRefs.Property(media, "examples") is { ValueKind: JsonValueKind.Object } examples)
        {
            foreach (var first in examples.EnumerateObject())
            {
                var (resolved, _) = JsonRefs.Resolve(root, first.Value, string.Empty);
                return JsonRefs.Property(resolved, "value");
            }
        }

        return null;
    }
}
