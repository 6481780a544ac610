using System.Text.Json;

namespace FakeHttpFixture;

/// <summary>The request's body must be JSON equal to, or containing, an expected value; the report names the path of the first difference.</summary>
internal sealed class JsonBodyCondition(JsonElement expected, bool containing) : StubCondition
{
    public override string Label => $"JSON body {(containing ? "containing" : "equal to")} {ReportText.Json(expected)}";

    public override bool Matches(RecordedRequest request)
    {
        if (!TryParse(request, out var body, out _))
        {
            return false;
        }

        using (body)
        {
            return JsonDifference.Find(expected, body.RootElement, containing) is null;
        }
    }

    public override ConditionCheck Check(RecordedRequest request)
    {
        if (!TryParse(request, out var body, out var error))
        {
            return new(false, $"{Label}: {error}");
        }

        using (body)
        {
            return JsonDifference.Find(expected, body.RootElement, containing) is { } difference
                ? new(false, $"{Label}: {difference}")
                : new(true, Label);
        }
    }

    /// <summary>Parses the body; an empty body or one that is not JSON does not match, and <paramref name="error"/> says why.</summary>
    private static bool TryParse(RecordedRequest request, out JsonDocument body, out string? error)
    {
        body = null!;
        if (request.BodyLength == 0)
        {
            error = "the body is empty";
            return false;
        }

        try
        {
            if (request.BodySpilled)
            {
                using var stream = request.OpenBody();
                body = JsonDocument.Parse(stream);
            }
            else
            {
                body = JsonDocument.Parse(request.Body);
            }

            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            error = $"the body is not JSON ({ReportText.FirstSentence(ex.Message)}): {ReportText.Body(request, 40)}";
            return false;
        }
    }
}
