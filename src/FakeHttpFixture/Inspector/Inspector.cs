using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>
/// The inspector of one server: it tells open pages about each request as it arrives and as it completes, and answers the page,
/// its script and its JSON API under <see cref="Prefix"/> (an own page of the server, so none of it is recorded).
/// </summary>
internal sealed class Inspector(HttpFixtureServer server) : IExchangeObserver
{
    public const string Prefix = "/__fakehttp";

    private readonly InspectorFeed _feed = new();
    private int _attached;

    /// <summary>Returns true the first time only, so the pages and the observer are added once however often the inspector is enabled.</summary>
    public bool Attach() => Interlocked.Exchange(ref _attached, 1) == 0;

    // With no page open, an arrival or completion costs a look at an empty array; with pages open, a queue write per page.
    public void OnRequestArrived(RecordedRequest request, HttpFixtureServer server) => _feed.Publish("request", request);

    public void OnExchangeCompleted(RecordedRequest request, HttpFixtureServer server) => _feed.Publish("request", request);

    public void Reset() => _feed.Publish("reset", null);

    public Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        if (!InspectorAccess.Allows(context, server.StartOptions.BindAddress))
        {
            return InspectorResults.TextAsync(context, StatusCodes.Status403Forbidden, InspectorAccess.Refusal);
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            response.Headers.Allow = "GET, HEAD";
            return InspectorResults.TextAsync(context, StatusCodes.Status405MethodNotAllowed, "The inspector only reads: use GET.\n");
        }

        context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase, out var rest);
        return rest.Value switch
        {
            null or "" => Redirect(context),
            "/" or "/index.html" => InspectorAssets.ServeAsync(context, "index.html"),
            "/inspector.css" or "/inspector.js" => InspectorAssets.ServeAsync(context, rest.Value[1..]),
            "/api/requests" => InspectorResults.JsonAsync(context, json => InspectorJson.WriteList(json, server.Requests)),
            "/api/events" => _feed.ServeAsync(context, server.Stopping),
            "/api/stubs" => InspectorResults.JsonAsync(context, json => InspectorJson.WriteStubs(json, server.StubList)),
            "/api/har" => InspectorResults.HarAsync(context, server),
            var path when path.StartsWith("/api/requests/", StringComparison.Ordinal) => DetailAsync(context, path["/api/requests/".Length..]),
            _ => InspectorResults.TextAsync(context, StatusCodes.Status404NotFound, $"The inspector has no page '{rest.Value}'. Open {Prefix}/ for the list of requests.\n"),
        };
    }

    private Task DetailAsync(HttpContext context, string sequence)
    {
        var request = long.TryParse(sequence, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? Find(number) : null;
        if (request is null)
        {
            return InspectorResults.TextAsync(context, StatusCodes.Status404NotFound, $"No request #{sequence} is in the journal: it was never received, or the journal was cleared or capped since.\n");
        }

        return InspectorResults.JsonAsync(context, json => InspectorDetail.Write(json, request, server));
    }

    // The journal is in sequence order, so a binary search finds a request however long the journal is.
    private RecordedRequest? Find(long sequence)
    {
        var requests = server.Requests;
        int low = 0, high = requests.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var found = requests[middle].Sequence;
            if (found == sequence)
            {
                return requests[middle];
            }

            if (found < sequence)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return null;
    }

    private static Task Redirect(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = Prefix + "/";
        return Task.CompletedTask;
    }
}
