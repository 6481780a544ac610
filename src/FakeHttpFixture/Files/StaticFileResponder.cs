using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FakeHttpFixture;

/// <summary>
/// Answers GET and HEAD from the served tree the way a web server does: files with validators and ranges, 301 to the slash
/// form of a directory, its index.html or index.htm, or an HTML listing. What is not there is left to the fallback (404).
/// </summary>
internal sealed class StaticFileResponder(ServedTree tree, bool listing) : IResponder
{
    private static readonly string[] IndexNames = ["index.html", "index.htm"];

    private readonly ContentTypeMap _contentTypes = tree.ContentTypes;

    public ResponseSource Stage => ResponseSource.File;

    public async ValueTask<bool> TryRespondAsync(Exchange exchange)
    {
        var context = exchange.Context;
        var method = context.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            return false;
        }

        // The raw target, not Request.Path: see RequestPath for what Kestrel's decoding would hide.
        var path = RequestPath.Parse(context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget);
        if (path.Status == RequestPathStatus.BadRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return true;
        }

        if (path.Status == RequestPathStatus.Refused)
        {
            return false;
        }

        switch (tree.Find(path.Relative, out var file))
        {
            case ServedKind.File when !path.TrailingSlash:
                await FileSender.SendAsync(context, file!, _contentTypes.For(path.Relative)).ConfigureAwait(false);
                return true;
            case ServedKind.Directory when !path.TrailingSlash:
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = path.SlashLocation();
                context.Response.ContentLength = 0;
                return true;
            case ServedKind.Directory:
                return await SendDirectoryAsync(context, path.Relative).ConfigureAwait(false);
            default:
                return false;
        }
    }

    private async ValueTask<bool> SendDirectoryAsync(HttpContext context, string relative)
    {
        foreach (var indexName in IndexNames)
        {
            var indexPath = relative.Length == 0 ? indexName : relative + "/" + indexName;
            if (tree.Find(indexPath, out var index) == ServedKind.File)
            {
                await FileSender.SendAsync(context, index!, _contentTypes.For(indexName)).ConfigureAwait(false);
                return true;
            }
        }

        if (!listing || tree.List(relative) is not { } entries)
        {
            return false;
        }

        var page = DirectoryListingPage.Render(relative.Length == 0 ? "/" : "/" + relative + "/", entries);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = page.Length;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await response.BodyWriter.WriteAsync(page, context.RequestAborted).ConfigureAwait(false);
        }

        return true;
    }
}
