using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FakeHttpFixture;

/// <summary>
/// With <see cref="HttpFixtureOptions.AcceptUploads"/>, PUT stores the request body as a file of the served tree (201 created,
/// 204 replaced) and DELETE removes one (204, or 404 when missing); paths get the same checks as reads. A tree that refuses the
/// write answers 403, a full disk 507. Without the option this stage is not in the chain.
/// </summary>
internal sealed class UploadResponder(ServedTree tree) : IResponder
{
    public ResponseSource Stage => ResponseSource.Upload;

    public async ValueTask<bool> TryRespondAsync(Exchange exchange)
    {
        var request = exchange.Request;
        var isPut = HttpMethods.IsPut(request.Method);
        if (!isPut && !HttpMethods.IsDelete(request.Method))
        {
            return false;
        }

        var response = exchange.Context.Response;
        response.ContentLength = 0;
        var path = RequestPath.Parse(exchange.Context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget);
        if (path.Status != RequestPathStatus.Ok)
        {
            // A name the server never serves is not stored either: it could not be read back, or could mean a device on Windows.
            response.StatusCode = path.Status == RequestPathStatus.BadRequest ? StatusCodes.Status400BadRequest : StatusCodes.Status403Forbidden;
            return true;
        }

        if (path.TrailingSlash)
        {
            // A file is named without a trailing slash; a directory cannot be uploaded or deleted.
            response.StatusCode = StatusCodes.Status409Conflict;
            return true;
        }

        var outcome = isPut
            ? await tree.PutAsync(path.Relative, request, exchange.Aborted).ConfigureAwait(false)
            : tree.Delete(path.Relative);
        response.StatusCode = outcome switch
        {
            UploadOutcome.Created => StatusCodes.Status201Created,
            UploadOutcome.Replaced or UploadOutcome.Deleted => StatusCodes.Status204NoContent,
            UploadOutcome.NotFound => StatusCodes.Status404NotFound,
            UploadOutcome.Refused or UploadOutcome.Forbidden => StatusCodes.Status403Forbidden,
            UploadOutcome.TooLarge => StatusCodes.Status413PayloadTooLarge,
            UploadOutcome.InsufficientStorage => StatusCodes.Status507InsufficientStorage,
            _ => StatusCodes.Status409Conflict,
        };
        if (outcome == UploadOutcome.Created)
        {
            response.Headers.Location = path.Location(trailingSlash: false, withQuery: false);
        }

        return true;
    }
}
