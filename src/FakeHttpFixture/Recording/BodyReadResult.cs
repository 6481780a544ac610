using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>The bytes of a body and, when it broke off, why.</summary>
internal readonly record struct BodyReadResult(RecordedBody Body, Exception? Failure)
{
    /// <summary>Gets the status Kestrel gave a body it refused (413 over the size limit), or 0.</summary>
    public int RejectedStatus => Failure is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } ? StatusCodes.Status413PayloadTooLarge : 0;

    /// <summary>Gets a value indicating whether the body broke off for any reason other than a refusal: the client went away or sent a broken body.</summary>
    public bool IsAborted => Failure is not null && RejectedStatus == 0;
}
