using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace FakeHttpFixture;

/// <summary>Answers GET and HEAD with a file of the served tree.</summary>
internal sealed class StaticFileResponder(IFileProvider files) : IResponder
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public string Name => "file";

    public async ValueTask<bool> TryRespondAsync(HttpContext context, RecordedRequest request)
    {
        var isHead = HttpMethods.IsHead(request.Method);
        if (!isHead && !HttpMethods.IsGet(request.Method))
        {
            return false;
        }

        var path = request.Path;
        if (path.Length <= 1 || path.EndsWith('/'))
        {
            return false;
        }

        var file = files.GetFileInfo(path);
        if (!file.Exists || file.IsDirectory)
        {
            return false;
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        response.ContentLength = file.Length;
        if (!isHead)
        {
            await response.SendFileAsync(file, context.RequestAborted).ConfigureAwait(false);
        }

        return true;
    }
}
