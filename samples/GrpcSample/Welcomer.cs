using Grpc.Core;
using GrpcSample.Greet;

namespace GrpcSample;

/// <summary>The code under test: it welcomes a user with the Greeter service's greeting, or a plain one when the service is down or slow.</summary>
public sealed class Welcomer(Greeter.GreeterClient greeter, TimeSpan? patience = null)
{
    public async Task<string> WelcomeAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var reply = await greeter.SayHelloAsync(new HelloRequest { Name = name }, deadline: DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(5)), cancellationToken: cancellationToken);
            return reply.Message;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            return $"Welcome, {name}.";
        }
    }

    public async Task<IReadOnlyList<string>> AllGreetingsAsync(string name, CancellationToken cancellationToken = default)
    {
        using var call = greeter.SayHellos(new HelloRequest { Name = name }, cancellationToken: cancellationToken);
        var greetings = new List<string>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            greetings.Add(reply.Message);
        }

        return greetings;
    }
}
