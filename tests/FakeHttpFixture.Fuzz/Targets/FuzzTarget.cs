using System.Reflection;

namespace FakeHttpFixture.Fuzz;

/// <summary>
/// One parser under fuzzing. A target turns any bytes into a call of the parser and checks what must hold for every input;
/// an exception that escapes <see cref="Run"/> is a finding. Targets are found by reflection, so a new one is a class deriving
/// from this and a folder corpus/NAME with a few seed inputs; fuzz.sh, the CI smoke and FuzzCorpusTests pick it up.
/// </summary>
internal abstract class FuzzTarget
{
    private static readonly Lazy<IReadOnlyList<FuzzTarget>> s_all = new(Discover);

    /// <summary>Gets every target in this assembly, by name.</summary>
    public static IReadOnlyList<FuzzTarget> All => s_all.Value;

    /// <summary>Gets the name used on the command line and as the corpus folder, such as "path".</summary>
    public abstract string Name { get; }

    /// <summary>Gets what the target feeds and how it reads the input bytes, for `list`.</summary>
    public abstract string Description { get; }

    /// <summary>Returns the target named <paramref name="name"/>, or null.</summary>
    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Runs the parser on one input and checks its invariants; throws on a finding.</summary>
    public abstract void Run(ReadOnlySpan<byte> input);

    private static List<FuzzTarget> Discover() =>
        [.. typeof(FuzzTarget).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(FuzzTarget)) && !t.IsAbstract)
            .Select(t => (FuzzTarget)Activator.CreateInstance(t, nonPublic: true)!)
            .OrderBy(t => t.Name, StringComparer.Ordinal)];
}
