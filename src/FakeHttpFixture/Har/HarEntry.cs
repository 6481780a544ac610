using Microsoft.Extensions.Primitives;

namespace FakeHttpFixture;

/// <summary>
/// One replayable exchange of a HAR file, read and checked once when the server starts: the request it answers, in the form of
/// <see cref="HarUrl"/>, and the response, ready to send (the headers a replay must not send already left out).
/// </summary>
internal sealed class HarEntry
{
    /// <summary>Gets the entry's place in its file, from 1, for messages.</summary>
    public required int Number { get; init; }

    public required string Method { get; init; }

    /// <summary>Gets the host the entry was recorded for, as <see cref="HarUrl.NormalizeHost"/> gives it; empty for a URL without one.</summary>
    public required string Host { get; init; }

    public required string Path { get; init; }

    public required string Query { get; init; }

    /// <summary>Gets the query as the file wrote it, without '?', for messages.</summary>
    public string RawQuery { get; init; } = string.Empty;

    /// <summary>Gets the full path of the file the entry came from, for messages.</summary>
    public string File { get; init; } = string.Empty;

    public required byte[] RequestBody { get; init; }

    public required int Status { get; init; }

    /// <summary>Gets the reason phrase to send over HTTP/1.x when the recording's differs from the standard one, else <see langword="null"/>.</summary>
    public string? ReasonPhrase { get; init; }

    public required IReadOnlyList<KeyValuePair<string, StringValues>> Headers { get; init; }

    public required byte[] Body { get; init; }

    /// <summary>Gets the Content-Length to send, or <see langword="null"/> to send none (the recording had none, so the body went chunked).</summary>
    public long? ContentLength { get; init; }

    /// <summary>Gets how many bytes of <see cref="Body"/> went out before the recorded answer broke off (<c>_fakehttp.break</c>), or <see langword="null"/> for a whole answer.</summary>
    public long? BreakAfter { get; init; }
}
