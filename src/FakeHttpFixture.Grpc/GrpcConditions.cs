using Google.Protobuf;

namespace FakeHttpFixture;

/// <summary>Evaluates a stub's conditions over a call's first message and says which one failed.</summary>
internal static class GrpcConditions
{
    public static string? FirstFailure<TRequest>(GrpcCall call, (string Description, Func<TRequest, bool> Predicate)[] conditions)
        where TRequest : class, IMessage<TRequest>, new()
    {
        if (call.FrameError is { } frameError)
        {
            return frameError;
        }

        IReadOnlyList<TRequest> messages;
        try
        {
            messages = call.Messages<TRequest>();
        }
        catch (InvalidProtocolBufferException ex)
        {
            return $"the request is not a {typeof(TRequest).Name}: {ex.Message}";
        }

        if (messages.Count == 0)
        {
            return $"where {conditions[0].Description}: the client sent no message to test";
        }

        foreach (var (description, predicate) in conditions)
        {
            bool holds;
            try
            {
                holds = predicate(messages[0]);
            }
#pragma warning disable CA1031 // A predicate that throws does not match; the report says why.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return $"where {description}: threw {ex.GetType().Name}: {ex.Message}";
            }

            if (!holds)
            {
                return $"where {description}: false";
            }
        }

        return null;
    }
}
