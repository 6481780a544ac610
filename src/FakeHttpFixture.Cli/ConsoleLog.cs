using System.Text;

namespace FakeHttpFixture.Cli;

/// <summary>
/// Standard output of fakehttp. Request lines are buffered and flushed once per batch, so a burst of requests costs one
/// write to the terminal rather than one per line; status lines are flushed at once.
/// </summary>
internal sealed class ConsoleLog : IDisposable
{
    private readonly Lock _gate = new();
    private readonly StreamWriter _out;

    public ConsoleLog()
    {
        var encoding = Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(false) : Console.OutputEncoding;
        _out = new StreamWriter(Console.OpenStandardOutput(), encoding) { AutoFlush = false, NewLine = "\n" };

        // NO_COLOR (no-color.org): present and not empty turns colours off; a pipe or a file never gets them.
        UseColour = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
    }

    public bool UseColour { get; }

    public void Line(string text)
    {
        lock (_gate)
        {
            _out.WriteLine(text);
            _out.Flush();
        }
    }

    public void Buffer(string text)
    {
        lock (_gate)
        {
            _out.WriteLine(text);
        }
    }

    public void Flush()
    {
        lock (_gate)
        {
            _out.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _out.Dispose();
        }
    }
}
