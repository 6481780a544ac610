namespace FakeHttpFixture;

/// <summary>A field the request's form body (urlencoded or multipart) must have, with any value or with one given value.</summary>
internal sealed class FormFieldCondition(string name, string? value) : StubCondition
{
    public override string Label => $"form field {name}";

    public override bool Matches(RecordedRequest request) =>
        TryRead(request, out var form, out _) && form!.TryGetValue(name, out var values) && (value is null || values.Contains(value));

    public override ConditionCheck Check(RecordedRequest request)
    {
        var expected = value is null ? "a value" : ReportText.Quote(value);
        if (!TryRead(request, out var form, out var error))
        {
            return new(false, $"{Label}: expected {expected}, but the form is malformed ({ReportText.FirstSentence(error!)})");
        }

        if (!form!.TryGetValue(name, out var values))
        {
            var type = request.Header("Content-Type");
            return form.Count == 0 && !IsForm(type)
                ? new(false, $"{Label}: expected {expected}, but the body is not a form (Content-Type: {type ?? "none"})")
                : new(false, $"{Label}: expected {expected}, not sent");
        }

        return value is null || values.Contains(value)
            ? new(true, $"{Label}: {ReportText.QuoteAll(values)}")
            : new(false, $"{Label}: expected {expected}, received {ReportText.QuoteAll(values)}");
    }

    private static bool IsForm(string? contentType) =>
        contentType is not null && (contentType.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) || contentType.Contains("multipart/", StringComparison.OrdinalIgnoreCase));

    private static bool TryRead(RecordedRequest request, out IReadOnlyDictionary<string, string[]>? form, out string? error)
    {
        try
        {
            form = request.Form;
            error = null;
            return true;
        }
        catch (InvalidDataException ex)
        {
            form = null;
            error = ex.Message;
            return false;
        }
    }
}
