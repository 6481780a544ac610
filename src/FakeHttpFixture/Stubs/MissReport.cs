using System.Globalization;
using System.Text;

namespace FakeHttpFixture;

/// <summary>
/// The report on a request nothing answered: a headline, then the stubs nearest to the request, condition by condition, each
/// marked ✓ or ✗ with what it expected and what it received. It is built only for a miss (the strict 501 and Verify) or when a
/// test asks (<see cref="HttpFixtureServer.ExplainMiss"/>), never on a request a stub or file answers.
/// </summary>
internal static class MissReport
{
    /// <summary>Returns the report of <paramref name="request"/> against <paramref name="stubs"/>, showing the <paramref name="shown"/> nearest.</summary>
    /// <param name="request">The request.</param>
    /// <param name="stubs">The stubs set up.</param>
    /// <param name="shown">How many of the nearest stubs to show.</param>
    /// <param name="headline">The first line.</param>
    /// <param name="replay">What the replayed HAR files say of the request (their nearest entry), or <see langword="null"/> without ReplayHar.</param>
    public static string Write(RecordedRequest request, IReadOnlyList<HttpStub> stubs, int shown, string headline, string? replay = null)
    {
        var text = new StringBuilder(headline);
        if (replay is not null)
        {
            text.Append('\n').Append(replay);
        }

        if (stubs.Count == 0)
        {
            return text.Append(replay is null ? "\nNo stubs are set up." : "\nNo stubs are set up besides.").ToString();
        }

        if (shown <= 0)
        {
            return text.Append(CultureInfo.InvariantCulture, $"\n{Stubs(stubs.Count)} set up; none is shown, as HttpFixtureOptions.MissReportStubCount is 0.").ToString();
        }

        var evaluations = new List<StubEvaluation>(stubs.Count);
        for (var i = 0; i < stubs.Count; i++)
        {
            evaluations.Add(StubEvaluation.Of(stubs[i], i + 1, request));
        }

        evaluations.Sort();
        var count = Math.Min(shown, stubs.Count);
        text.Append('\n').Append(stubs.Count == 1 ? "The only stub:"
            : count == stubs.Count ? string.Create(CultureInfo.InvariantCulture, $"The {count} stubs, nearest first:")
            : string.Create(CultureInfo.InvariantCulture, $"The {count} nearest of {stubs.Count} stubs, nearest first:"));
        for (var rank = 0; rank < count; rank++)
        {
            evaluations[rank].WriteTo(text, rank + 1, stubs.Count, request.Method);
        }

        return text.ToString();
    }

    /// <summary>Returns "#3 POST /orders?dry=1 matched no stub or file and was answered 501."</summary>
    public static string Unanswered(RecordedRequest request, int status, bool replays = false) =>
        string.Create(CultureInfo.InvariantCulture, $"{Target(request)} matched no stub{(replays ? ", replayed HAR entry" : string.Empty)} or file and was answered {status}.");

    /// <summary>Returns the headline for a request as the journal has it now: missed, answered by another stage, or not answered yet.</summary>
    public static string Headline(RecordedRequest request) => request.AnsweredBy switch
    {
        ResponseSource.Fallback => Unanswered(request, request.StatusCode),
        ResponseSource.None => $"{Target(request)} has not been answered by any stage{(request.Aborted ? ": its body broke off" : " yet")}.",
        ResponseSource.Queue => $"{Target(request)} was answered by a queued response ({request.StatusCode}).",
        ResponseSource.Stub => $"{Target(request)} was answered by a stub ({request.StatusCode}).",
        ResponseSource.File => $"{Target(request)} was answered from the served files ({request.StatusCode}).",
        var stage => $"{Target(request)} was answered by the {stage} stage ({request.StatusCode}).",
    };

    private static string Target(RecordedRequest request) =>
        string.Create(CultureInfo.InvariantCulture, $"#{request.Sequence} {request.Method} {request.Path}{request.QueryString}");

    private static string Stubs(int count) => count == 1 ? "1 stub is" : string.Create(CultureInfo.InvariantCulture, $"{count} stubs are");
}
