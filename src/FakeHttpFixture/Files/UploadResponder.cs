using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.FileProviders;

namespace FakeHttpFixture;

/// <summary>
/// With <see cref="HttpFixtureOptions.AcceptUploads"/>, PUT stores the request body as a file of the served tree (201 created,
/// 204 replaced) and DELETE removes one (204, or 404 when missing); paths get the same checks as reads. Without the option it
/// answers nothing, and PUT and DELETE go on to the fallback.
/// </summary>
internal sealed class UploadResponder(IFileProvider files, HttpFixtureOptions options) : IResponder
{
    private readonly IServedTree? _tree = options.AcceptUploads ? ServedTree.Create(files, options) : null;

    public string Name => "upload";

    public async ValueTask<bool> TryRespondAsync(HttpContext context, RecordedRequest request)
    {
        var isPut = HttpMethods.IsPut(request.Method);
        if (_tree is null || (!isPut && !HttpMethods.IsDelete(request.Method)))
        {
            return false;
        }

        var response = context.Response;
        response.ContentLength = 0;
        var path = RequestPath.Parse(context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget);
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
            ? await _tree.PutAsync(path.Relative, request.Body, context.RequestAborted).ConfigureAwait(false)
            : _tree.Delete(path.Relative);
        response.StatusCode = outcome switch
        {
            UploadOutcome.Created => StatusCodes.Status201Created,
            UploadOutcome.Replaced or UploadOutcome.Deleted => StatusCodes.Status204NoContent,
            UploadOutcome.NotFound => StatusCodes.Status404NotFound,
            UploadOutcome.Refused => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status409Conflict,
        };
        if (outcome == UploadOutcome.Created)
        {
            response.Headers.Location = path.Location(trailingSlash: false, withQuery: false);
        }

        return true;
    }
}
