using System.CommandLine.Parsing;

namespace FakeHttpFixture.Cli;

/// <summary>The <c>--replay FILE</c> input, checked while the command line is parsed: a usage error (exit 2) in fakehttp's own words.</summary>
internal static class ReplayFile
{
    public static void Check(OptionResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return;
        }

        var text = result.Tokens[0].Value;
        if (string.IsNullOrWhiteSpace(text))
        {
            result.AddError("--replay is an empty string: give the HAR file to answer from, such as service.har.");
            return;
        }

        var full = Path.GetFullPath(text);
        if (Directory.Exists(full))
        {
            result.AddError($"--replay '{full}' is a directory: give a HAR file, such as {Path.Combine(text, "service.har")}.");
        }
        else if (!File.Exists(full))
        {
            result.AddError($"--replay '{full}': the file does not exist. Record one with --proxy URL --har FILE, save one from a browser's developer tools, or fix the path.");
        }
    }
}
