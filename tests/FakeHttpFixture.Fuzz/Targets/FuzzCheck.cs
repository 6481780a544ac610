namespace FakeHttpFixture.Fuzz;

/// <summary>Checks an invariant of a target; a broken one throws, which the fuzzer records as a crash with this input.</summary>
internal static class FuzzCheck
{
    public static void That(bool condition, string what)
    {
        if (!condition)
        {
            throw new FuzzInvariantException(what);
        }
    }
}
