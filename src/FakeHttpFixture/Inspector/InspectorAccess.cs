using System.Net;
using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>
/// Who may read the inspector: the journal holds every client's headers and bodies. On a loopback server (the default) only a
/// loopback client that names a loopback host gets it, which also keeps out a web page that rebinds its own host name to
/// 127.0.0.1 to read the inspector from the developer's browser. A server bound elsewhere on purpose answers everyone.
/// </summary>
internal static class InspectorAccess
{
    public const string Refusal = "The inspector answers only on the loopback address (http://127.0.0.1:PORT/__fakehttp/ or http://localhost:PORT/__fakehttp/). Bind the server to another address on purpose (HttpFixtureOptions.BindAddress, fakehttp --bind) to open it to others.\n";

    public static bool Allows(HttpContext context, IPAddress bindAddress)
    {
        if (!IPAddress.IsLoopback(bindAddress))
        {
            return true;
        }

        if (context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
        {
            return false;
        }

        var host = context.Request.Host.Host;
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
