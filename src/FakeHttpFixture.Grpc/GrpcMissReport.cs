using System.Text;

namespace FakeHttpFixture;

/// <summary>What a gRPC call that no stub answered is told, and what <c>Verify()</c> says of it in strict mode.</summary>
internal static class GrpcMissReport
{
    public static string Write(GrpcCall call, long sequence, List<(IGrpcStub Stub, string Why)>? misses, IGrpcStub[] stubs)
    {
        var text = new StringBuilder();
        if (misses is null)
        {
            text.Append("Nothing stubs the gRPC method ").Append(call.Method).Append(" (request #").Append(sequence).Append(").");
            var others = stubs.Select(s => s.Method).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            text.Append(others.Count == 0 ? " No gRPC method is stubbed." : $" Stubbed methods: {string.Join(", ", others)}.");
            text.Append(" Stub it with server.StubGrpc<TRequest, TResponse>(\"").Append(call.Method).Append("\").");
            return text.ToString();
        }

        text.Append("gRPC call ").Append(call.Method).Append(" (request #").Append(sequence).Append(") matched none of its stubs.");
        text.Append("\n  request: ").Append(call.RequestJson().Replace("\n", "\n           ", StringComparison.Ordinal));
        foreach (var (stub, why) in misses)
        {
            text.Append("\n  ").Append(stub).Append(" → ").Append(why);
        }

        return text.ToString();
    }
}
