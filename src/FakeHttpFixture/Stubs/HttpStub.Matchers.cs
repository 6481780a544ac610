using System.Text.Json;
using System.Text.RegularExpressions;

namespace FakeHttpFixture;

/// <content>
/// Matchers that compare the request with an expected value, beside the predicates of HttpStub.cs: when a request is missed,
/// each says what it expected and what it received (for JSON, the path of the first difference).
/// </content>
public sealed partial class HttpStub
{
    /// <summary>Makes the stub match only requests that have the header <paramref name="name"/> with a value <paramref name="pattern"/> matches.</summary>
    /// <param name="name">The header name, in any case.</param>
    /// <param name="pattern">The expression the value (all its values joined with ", ") must match; anchor it with ^ and $ for a whole match.</param>
    /// <returns>This stub, for chaining: <c>.WithHeaderMatching("Authorization", new Regex("^Bearer "))</c>.</returns>
    public HttpStub WithHeaderMatching(string name, Regex pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(pattern);
        return Add(new HeaderCondition(name, null, pattern));
    }

    /// <summary>Makes the stub match only requests whose form body (urlencoded or multipart) has the field <paramref name="name"/>, with <paramref name="value"/> when one is given.</summary>
    /// <param name="name">The field name, compared exactly.</param>
    /// <param name="value">The decoded value one of its occurrences must have; <see langword="null"/> for any value.</param>
    /// <returns>This stub, for chaining.</returns>
    public HttpStub WithFormField(string name, string? value = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Add(new FormFieldCondition(name, value));
    }

    /// <summary>Makes the stub match only requests whose body, decoded by its charset, is exactly <paramref name="text"/>.</summary>
    /// <param name="text">The expected body, compared character for character.</param>
    /// <returns>This stub, for chaining.</returns>
    public HttpStub WithBodyText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Add(new BodyTextCondition(text, containing: false));
    }

    /// <summary>Makes the stub match only requests whose body, decoded by its charset, contains <paramref name="text"/>.</summary>
    /// <param name="text">The text to find, compared character for character.</param>
    /// <returns>This stub, for chaining.</returns>
    public HttpStub WithBodyContaining(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return Add(new BodyTextCondition(text, containing: true));
    }

    /// <summary>
    /// Makes the stub match only requests whose body is JSON equal to <paramref name="json"/>: the same properties in any order,
    /// arrays element by element, numbers by value.
    /// </summary>
    /// <param name="json">The expected JSON text, such as <c>"""{ "sku": "a-1", "qty": 2 }"""</c>.</param>
    /// <returns>This stub, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not JSON.</exception>
    public HttpStub WithJsonBodyEqualTo(string json) => Add(new JsonBodyCondition(Parse(json), containing: false));

    /// <summary>Makes the stub match only requests whose body is JSON equal to <paramref name="expected"/> serialized with web defaults (camelCase names).</summary>
    /// <typeparam name="T">The type of the expected value.</typeparam>
    /// <param name="expected">The expected value, such as <c>new { Sku = "a-1", Qty = 2 }</c>.</param>
    /// <returns>This stub, for chaining.</returns>
    public HttpStub WithJsonBodyEqualTo<T>(T expected) => Add(new JsonBodyCondition(JsonSerializer.SerializeToElement(expected, WebJson.Options), containing: false));

    /// <summary>
    /// Makes the stub match only requests whose body is JSON containing <paramref name="json"/>: every property it has, at every
    /// depth, with the same value; the body may have more properties. Arrays compare element by element and must be as long.
    /// </summary>
    /// <param name="json">The expected part, such as <c>"""{ "customer": { "id": 7 } }"""</c>.</param>
    /// <returns>This stub, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not JSON.</exception>
    public HttpStub WithJsonBodyContaining(string json) => Add(new JsonBodyCondition(Parse(json), containing: true));

    /// <summary>Makes the stub match only requests whose body is JSON containing <paramref name="expected"/> serialized with web defaults (camelCase names).</summary>
    /// <typeparam name="T">The type of the expected value.</typeparam>
    /// <param name="expected">The expected part, such as <c>new { Customer = new { Id = 7 } }</c>.</param>
    /// <returns>This stub, for chaining.</returns>
    public HttpStub WithJsonBodyContaining<T>(T expected) => Add(new JsonBodyCondition(JsonSerializer.SerializeToElement(expected, WebJson.Options), containing: true));

    private static JsonElement Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The expected body is not JSON: {ex.Message} Give JSON text such as \"{{ \\\"qty\\\": 2 }}\", or pass an object to serialize.", nameof(json), ex);
        }
    }
}
