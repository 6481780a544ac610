using System.Text.Json;

namespace FakeHttpFixture;

/// <summary>The request's body, read as <typeparamref name="T"/> with web defaults, must pass a predicate; the report quotes its source text.</summary>
/// <typeparam name="T">The type the body is read as.</typeparam>
internal sealed class JsonBodyPredicate<T>(Func<T, bool> predicate, string description) : StubCondition
{
    public override string Label => $"WithJsonBody({description})";

    public override bool Matches(RecordedRequest request) => TryRead(request, out var body, out _) && predicate(body!);

    public override ConditionCheck Check(RecordedRequest request)
    {
        if (!TryRead(request, out var body, out var error))
        {
            return new(false, $"{Label}: {error}");
        }

        return predicate(body!) ? new(true, Label) : new(false, $"{Label} was false (body: {ReportText.Body(request)})");
    }

    private static bool TryRead(RecordedRequest request, out T? body, out string? error)
    {
        body = default;
        if (request.BodyLength == 0)
        {
            error = "the body is empty";
            return false;
        }

        try
        {
            body = request.BodyJson<T>();
        }
        catch (JsonException ex)
        {
            error = $"the body does not read as {typeof(T).Name} ({ReportText.FirstSentence(ex.Message)}): {ReportText.Body(request, 40)}";
            return false;
        }

        error = body is null ? "the body is the JSON literal null" : null;
        return body is not null;
    }
}
