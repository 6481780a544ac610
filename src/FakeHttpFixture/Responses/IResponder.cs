using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>One stage of the answer: a responder either writes the response and returns true, or leaves it to the next.</summary>
internal interface IResponder
{
    /// <summary>Gets the responder's name as the journal shows it, such as "file" or "fallback".</summary>
    string Name { get; }

    ValueTask<bool> TryRespondAsync(HttpContext context, RecordedRequest request);
}
