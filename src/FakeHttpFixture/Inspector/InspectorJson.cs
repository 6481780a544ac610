using System.Text.Json;

namespace FakeHttpFixture;

/// <summary>The inspector's JSON for the list: one object per request (the row of the list), and the stubs the server holds.</summary>
internal static class InspectorJson
{
    public static string Summary(RecordedRequest request) => InspectorResults.JsonText(json =>
    {
        json.WriteStartObject();
        WriteSummaryFields(json, request);
        json.WriteEndObject();
    });

    public static void WriteList(Utf8JsonWriter json, IReadOnlyList<RecordedRequest> requests)
    {
        json.WriteStartArray();
        foreach (var request in requests)
        {
            json.WriteStartObject();
            WriteSummaryFields(json, request);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Writes what a row of the list shows; the detail has these fields too.</summary>
    public static void WriteSummaryFields(Utf8JsonWriter json, RecordedRequest request)
    {
        // Read first: once it is true, the status, stage and duration read after it are final.
        var completed = request.IsCompleted;
        json.WriteNumber("seq", request.Sequence);
        json.WriteString("time", request.Timestamp);
        json.WriteString("method", request.Method);
        json.WriteString("target", request.Path + request.QueryString);
        json.WriteNumber("status", request.StatusCode);
        json.WriteBoolean("completed", completed);
        json.WriteString("stage", Stage(request, completed));
        if (completed)
        {
            json.WriteNumber("durationMs", Math.Round(request.Duration.TotalMilliseconds, 3));
        }
        else
        {
            json.WriteNull("durationMs");
        }

        json.WriteNumber("requestSize", request.BodyLength);
        json.WriteNumber("responseSize", request.ResponseBodyLength);
        json.WriteBoolean("missed", request.AnsweredBy == ResponseSource.Fallback);
        json.WriteBoolean("unanswered", completed && request.AnsweredBy is ResponseSource.None or ResponseSource.Fallback);
        json.WriteString("problem", Problem(request));
        json.WriteString("stream", request.IsWebSocket ? "websocket" : request.IsEventStream ? "event-stream" : null);
    }

    public static void WriteStubs(Utf8JsonWriter json, IReadOnlyList<HttpStub> stubs)
    {
        json.WriteStartArray();
        for (var i = 0; i < stubs.Count; i++)
        {
            json.WriteStartObject();
            json.WriteNumber("number", i + 1);
            json.WriteString("stub", stubs[i].ToString());
            json.WriteNumber("calls", stubs[i].CallCount);
            json.WriteBoolean("required", stubs[i].IsRequired);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Names the stage as the list does: stub, file, replay, proxy, chaos, fallback …, or an added stage by its name.</summary>
    private static string Stage(RecordedRequest request, bool completed) => request.AnsweredBy switch
    {
        ResponseSource.None => completed ? "none" : "pending",
        ResponseSource.Extension => request.AnsweringStage ?? "extension",
        ResponseSource.RateLimit => "rate-limit",
        var source => source.ToString().ToLowerInvariant(),
    };

    private static string? Problem(RecordedRequest request) =>
        request.Rejected ? "body refused"
        : request.Aborted ? "request body broke off"
        : request.Fault != ResponseFault.None ? $"fault: {request.Fault}"
        : request.UpstreamFailure != UpstreamFailure.None ? $"upstream: {request.UpstreamFailure}"
        : request.ResponseAborted ? "response aborted"
        : null;
}
