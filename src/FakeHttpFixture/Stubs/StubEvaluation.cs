using System.Globalization;
using System.Text;

namespace FakeHttpFixture;

/// <summary>
/// One stub checked against one request, condition by condition, for a miss report; built only when a request was missed.
/// Stubs rank by closeness: the path first (segments that differ, then characters), then the method, then how many
/// conditions failed, then the later added (the one that would have won).
/// </summary>
internal sealed class StubEvaluation : IComparable<StubEvaluation>
{
    private readonly List<ConditionCheck> _checks;

    private StubEvaluation(HttpStub stub, int number, bool methodHeld, PathComparison path, List<ConditionCheck> checks)
    {
        Stub = stub;
        Number = number;
        MethodHeld = methodHeld;
        Path = path;
        _checks = checks;
        Failed = checks.Count(c => !c.Held);
    }

    public HttpStub Stub { get; }

    /// <summary>Gets the stub's place in the order the stubs were added, from 1.</summary>
    public int Number { get; }

    public bool MethodHeld { get; }

    public PathComparison Path { get; }

    /// <summary>Gets how many conditions beyond method and path failed.</summary>
    public int Failed { get; }

    public static StubEvaluation Of(HttpStub stub, int number, RecordedRequest request)
    {
        var methodHeld = stub.Method is null || string.Equals(stub.Method, request.Method, StringComparison.OrdinalIgnoreCase);
        var checks = new List<ConditionCheck>(stub.Conditions.Length);
        foreach (var condition in stub.Conditions)
        {
            checks.Add(Check(condition, request));
        }

        return new StubEvaluation(stub, number, methodHeld, PathComparison.Of(stub.Path, request.Path), checks);
    }

    public int CompareTo(StubEvaluation? other)
    {
        if (other is null)
        {
            return -1;
        }

        var order = Path.Segments.CompareTo(other.Path.Segments);
        order = order != 0 ? order : Path.Characters.CompareTo(other.Path.Characters);
        order = order != 0 ? order : other.MethodHeld.CompareTo(MethodHeld);
        order = order != 0 ? order : Failed.CompareTo(other.Failed);
        return order != 0 ? order : other.Number.CompareTo(Number);
    }

    /// <summary>Writes the stub's heading and a line per condition, each marked ✓ (held) or ✗ (failed).</summary>
    public void WriteTo(StringBuilder text, int rank, int stubCount, string method)
    {
        text.Append(CultureInfo.InvariantCulture, $"\n  {rank}. {Stub}");
        if (stubCount > 1)
        {
            text.Append(CultureInfo.InvariantCulture, $" (stub {Number} of {stubCount})");
        }

        Line(text, MethodHeld, Stub.Method is null ? $"any method ({method})" : MethodHeld ? $"method {Stub.Method}" : $"method: expected {Stub.Method}, received {method}");
        Line(text, Path.Held, Path.Text);
        foreach (var check in _checks)
        {
            Line(text, check.Held, check.Text);
        }
    }

    private static void Line(StringBuilder text, bool held, string line) => text.Append("\n     ").Append(held ? "✓ " : "✗ ").Append(line);

    private static ConditionCheck Check(StubCondition condition, RecordedRequest request)
    {
        try
        {
            return condition.Check(request);
        }
#pragma warning disable CA1031 // A predicate of the test's that throws is part of what the report shows.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new ConditionCheck(false, $"{condition.Label} threw {ex.GetType().Name}: {ReportText.FirstSentence(ex.Message)}");
        }
    }
}
