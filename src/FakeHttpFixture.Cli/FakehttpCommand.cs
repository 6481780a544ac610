using System.CommandLine;
using System.Globalization;
using System.CommandLine.Parsing;
using System.Net;

namespace FakeHttpFixture.Cli;

/// <summary>The command line of fakehttp: <c>fakehttp [DIRECTORY] [--port 8000] [--bind 127.0.0.1] …</c>.</summary>
internal sealed class FakehttpCommand
{
    private readonly Argument<string> _directory = new("directory")
    {
        Description = "The directory to serve.",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => ".",
    };

    private readonly Option<int> _port = new("--port", "-p")
    {
        Description = "The port to listen on; 0 picks a free one.",
        CustomParser = ParsePort,
        DefaultValueFactory = _ => 8000,
    };

    private readonly Option<IPAddress> _bind = new("--bind", "-b")
    {
        Description = "The address to listen on. Anything but loopback exposes the directory to the network.",
        HelpName = "address",
        CustomParser = ParseAddress,
        DefaultValueFactory = _ => IPAddress.Loopback,
    };

    private readonly Option<bool> _https = new("--https") { Description = "Speak HTTPS with a fresh self-signed certificate for 127.0.0.1 and localhost; its PEM file is printed." };

    private readonly Option<string> _record = new("--record") { Description = "Write every request body to a file in this directory, with an index (index.jsonl).", HelpName = "dir" };

    private readonly Option<string> _har = new("--har") { Description = "Write every request to this HAR file on exit.", HelpName = "file" };

    private readonly Option<bool> _acceptUploads = new("--accept-uploads") { Description = "Store PUT bodies as files and let DELETE remove them." };

    private readonly Option<bool> _cors = new("--cors") { Description = "Answer CORS preflights and allow every origin." };

    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "Do not print a line per request." };

    private readonly Option<Uri> _proxy = new("--proxy") { Description = "Forward what no file answers to this URL and record the answers; with --har they are written on exit, to replay.", HelpName = "url", CustomParser = ParseUpstream };

    private readonly Option<bool> _noInspector = new("--no-inspector") { Description = "Do not serve the inspector, the live page of every request at /__fakehttp/." };

    private readonly Option<string> _replay = new("--replay") { Description = "Answer from the responses of this HAR file (one --har wrote, or a browser saved).", HelpName = "file" };

    private readonly Option<string> _mappings = new("--mappings") { Description = "Answer with the WireMock stub mappings under this root directory (ROOT/mappings/**/*.json, bodies from ROOT/__files), as WireMock's --root-dir.", HelpName = "root" };

    private readonly Option<bool> _admin = new("--admin") { Description = "Serve WireMock's admin API under /__admin/ on the same port (mappings, requests, scenarios, reset)." };

    private readonly Option<string> _adminToken = new("--admin-token") { Description = "Require Authorization: Bearer <token> on the admin API; needed with --admin and a --bind other than loopback.", HelpName = "token" };

    public FakehttpCommand()
    {
        // An unknown option would otherwise be taken for the directory and reported as a missing one.
        _directory.Validators.Add(static result =>
        {
            if (result.Tokens.Count > 0 && result.Tokens[0].Value is ['-', _, ..] option)
            {
                result.AddError($"'{option}' is not an option of fakehttp (a directory whose name starts with '-' can be given as ./{option}).");
            }
        });
        _directory.Validators.Add(static result => RefuseEmpty(result, "the directory to serve", "leave it out to serve the current directory, or give one such as site"));
        _record.Validators.Add(static result => RefuseEmpty(result, "--record", "give the directory to record into, such as rec"));
        _har.Validators.Add(static result => RefuseEmpty(result, "--har", "give the file to write, such as requests.har"));
        _mappings.Validators.Add(static result => RefuseEmpty(result, "--mappings", "give the WireMock root directory, the one that holds mappings/ and __files/"));
        _adminToken.Validators.Add(static result => RefuseEmpty(result, "--admin-token", "give the bearer token clients of the admin API must send"));
        _replay.Validators.Add(static result => ReplayFile.Check(result));

        Root = new RootCommand("Serves a directory over HTTP and prints every request it receives: python -m http.server for .NET.")
        {
            _directory, _port, _bind, _https, _record, _har, _acceptUploads, _cors, _quiet, _proxy, _replay, _mappings, _admin, _adminToken, _noInspector,
        };
        Root.SetAction((parse, cancellationToken) => ServeRunner.RunAsync(ToSettings(parse), cancellationToken));
    }

    public RootCommand Root { get; }

    private ServeSettings ToSettings(ParseResult parse) => new(
        parse.GetValue(_directory) ?? ".",
        parse.GetValue(_port),
        parse.GetValue(_bind) ?? IPAddress.Loopback,
        parse.GetValue(_https),
        parse.GetValue(_record),
        parse.GetValue(_har),
        parse.GetValue(_acceptUploads),
        parse.GetValue(_cors),
        parse.GetValue(_quiet),
        parse.GetValue(_proxy),
        parse.GetValue(_replay),
        parse.GetResult(_directory) is { Tokens.Count: > 0 },
        Inspector: !parse.GetValue(_noInspector))
    {
        MappingsRoot = parse.GetValue(_mappings),
        Admin = parse.GetValue(_admin),
        AdminToken = parse.GetValue(_adminToken),
    };

    private static int ParsePort(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= IPEndPoint.MaxPort)
        {
            return port;
        }

        result.AddError($"--port '{text}' is not a port: give one from 1 to 65535, or 0 for a free one.");
        return 0;
    }

    private static Uri? ParseUpstream(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        result.AddError($"--proxy '{text}' is not an http:// or https:// URL: give one such as https://api.example.com/.");
        return null;
    }

    private static IPAddress? ParseAddress(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        if (BindAddress.Parse(text) is not { } address)
        {
            result.AddError($"--bind '{text}' is not an IP address: give one such as 127.0.0.1, ::1 or 0.0.0.0.");
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            result.AddError($"--bind '{text}' is an IPv4 address written as IPv6: give it as {address.MapToIPv4()}.");
            return null;
        }

        if (BindAddress.ProblemOnThisMachine(address) is { } problem)
        {
            result.AddError($"--bind '{text}' {problem}");
            return null;
        }

        return address;
    }

    // An empty string from a script's unset variable would otherwise reach Path.GetFullPath and end as an exception.
    private static void RefuseEmpty(SymbolResult result, string name, string advice)
    {
        if (result.Tokens.Count > 0 && result.Tokens[0].Value.Length == 0)
        {
            result.AddError($"{name} is an empty string: {advice}.");
        }
    }
}
