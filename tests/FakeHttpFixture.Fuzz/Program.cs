using System.Runtime.InteropServices;
using FakeHttpFixture.Fuzz;
using SharpFuzz;

// FakeHttpFixture.Fuzz list                 the targets
// FakeHttpFixture.Fuzz TARGET               fuzz, under dotnet-libfuzzer (fuzz.sh starts it so)
// FakeHttpFixture.Fuzz TARGET PATH...       replay files and directories of inputs: a regression run, no fuzzer needed

// The published FakeHttpFixture.dll is instrumented: every branch counts into SharpFuzz's map, also in a target's static
// set-up and when no fuzzer runs. Until Fuzzer.LibFuzzer.Run points it at the fuzzer's shared map, it counts into this one.
unsafe
{
    SharpFuzz.Common.Trace.SharedMem = (byte*)NativeMemory.AllocZeroed(1 << 16);
}

if (args.Length == 0 || args[0] is "list" or "-h" or "--help")
{
    Console.WriteLine("Usage: FakeHttpFixture.Fuzz TARGET [FILE-OR-DIRECTORY...]   (no path: fuzz under dotnet-libfuzzer)");
    foreach (var each in FuzzTarget.All)
    {
        Console.WriteLine($"  {each.Name,-12} {each.Description}");
    }

    return args.Length == 0 ? 2 : 0;
}

var target = FuzzTarget.Find(args[0]);
if (target is null)
{
    Console.Error.WriteLine($"There is no target \"{args[0]}\". The targets are: {string.Join(", ", FuzzTarget.All.Select(t => t.Name))}.");
    return 2;
}

if (args.Length == 1)
{
    if (Environment.GetEnvironmentVariable("__LIBFUZZER_SHM_ID") is null)
    {
        Console.Error.WriteLine("Fuzzing needs dotnet-libfuzzer: run tests/FakeHttpFixture.Fuzz/fuzz.sh TARGET SECONDS, or give input files to replay.");
        return 2;
    }

    Fuzzer.LibFuzzer.Run(target.Run);
    return 0;
}

var files = args.Skip(1).SelectMany<string, string>(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [p]).ToList();
var crashes = 0;
foreach (var file in files)
{
    try
    {
        target.Run(File.ReadAllBytes(file));
    }
#pragma warning disable CA1031 // Every exception is a finding to report, and the run goes on to the next input.
    catch (Exception ex)
#pragma warning restore CA1031
    {
        crashes++;
        Console.Error.WriteLine($"CRASH {target.Name} {file}: {ex}");
    }
}

Console.WriteLine($"{target.Name}: {files.Count} inputs replayed, {crashes} crashed");
return crashes == 0 ? 0 : 1;
