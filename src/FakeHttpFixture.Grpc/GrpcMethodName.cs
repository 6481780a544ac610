namespace FakeHttpFixture;

/// <summary>gRPC's full method names, "package.Service/Method", as a stub takes them and as a request's path carries them.</summary>
internal static class GrpcMethodName
{
    /// <summary>Returns <paramref name="method"/> without a leading '/', or throws when it is not "Service/Method".</summary>
    public static string Normalize(string method)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        var name = method.StartsWith('/') ? method[1..] : method;
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == name.Length - 1 || name.IndexOf('/', slash + 1) >= 0 || name.Contains(' ', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"'{method}' is not a gRPC method name. Give the full name as the .proto declares it, \"package.Service/Method\" (such as \"greet.Greeter/SayHello\").",
                nameof(method));
        }

        return name;
    }

    /// <summary>Returns the method a request's path names ("/greet.Greeter/SayHello" gives "greet.Greeter/SayHello").</summary>
    public static string FromPath(string path) => path.StartsWith('/') ? path[1..] : path;
}
