using System.Text;

namespace FakeHttpFixture;

/// <summary>
/// The developer's terminal, reached directly (/dev/tty, or the Windows console): a test runner redirects a test's standard
/// streams, but the terminal the run was started from is still the process's controlling terminal. A process without one
/// (CI, a service, a detached session) has no terminal, and nothing waits for a key there.
/// </summary>
internal sealed class Terminal
{
    private static readonly Lock Gate = new();
    private static Terminal? _opened;

    private readonly Stream _output;
    private readonly Stream _input;
    private readonly SemaphoreSlim _lines = new(0);

    private Terminal(Stream output, Stream input)
    {
        _output = output;
        _input = input;

        // One reader for the process, blocked in read until a line comes: a reader per wait would leave stale ones behind that
        // swallow a later Enter.
        new Thread(ReadLines) { IsBackground = true, Name = "FakeHttpFixture terminal" }.Start();
    }

    /// <summary>Returns the terminal, or null when the process has none.</summary>
    public static Terminal? Open()
    {
        lock (Gate)
        {
            if (_opened is not null)
            {
                return _opened;
            }

            var (output, input) = OperatingSystem.IsWindows() ? ("CONOUT$", "CONIN$") : ("/dev/tty", "/dev/tty");
            try
            {
                var write = new FileStream(output, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
                var read = new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
                return _opened = new Terminal(write, read);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                // No controlling terminal (ENXIO on Linux): nobody is there to press Enter.
                return null;
            }
        }
    }

    public void Write(string text)
    {
        // A terminal in raw mode (a test runner's live display) needs the carriage return a cooked one adds itself.
        var bytes = Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));
        _output.Write(bytes);
        _output.Flush();
    }

    /// <summary>Returns a task that completes when the next line is entered from now on; lines entered while nobody waited are dropped.</summary>
    public Task NextLineAsync()
    {
        while (_lines.Wait(0))
        {
        }

        return _lines.WaitAsync();
    }

    private void ReadLines()
    {
        var buffer = new byte[256];
        try
        {
            while (true)
            {
                var read = _input.Read(buffer);
                if (read == 0)
                {
                    return;
                }

                if (Array.IndexOf(buffer, (byte)'\n', 0, read) >= 0 || Array.IndexOf(buffer, (byte)'\r', 0, read) >= 0)
                {
                    _lines.Release();
                }
            }
        }
        catch (IOException)
        {
            // The terminal went away (the window closed): waits end by their timeout.
        }
    }
}
