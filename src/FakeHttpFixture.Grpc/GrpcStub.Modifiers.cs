using Google.Protobuf;
using Grpc.Core;

namespace FakeHttpFixture;

/// <content>The modifiers: how the answer appended last is delivered.</content>
public sealed partial class GrpcStub<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>, new()
{
    /// <summary>Times makes the answer appended last serve <paramref name="times"/> calls before the next answer in the sequence.</summary>
    /// <param name="times">How many calls get it; at least 1.</param>
    /// <returns>This stub, for chaining: <c>.Fail(StatusCode.Unavailable, "down").Times(2).Respond(reply)</c>.</returns>
    public GrpcStub<TRequest, TResponse> Times(int times)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        return ChangeLast(nameof(Times), a => a with { Times = times });
    }

    /// <summary>
    /// WithDelay makes the answer appended last wait <paramref name="delay"/> before anything is sent. A client whose deadline
    /// passes first ends the call with <see cref="StatusCode.DeadlineExceeded"/>; the fake also honours the grpc-timeout the
    /// client sent, as a real server does, and then answers DeadlineExceeded itself.
    /// </summary>
    /// <param name="delay">The wait; not negative.</param>
    /// <returns>This stub, for chaining.</returns>
    public GrpcStub<TRequest, TResponse> WithDelay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return ChangeLast(nameof(WithDelay), a => a with { Delay = delay });
    }

    /// <summary>
    /// WithRetryPushback adds the grpc-retry-pushback-ms trailer to the answer appended last (a failure such as
    /// <see cref="StatusCode.ResourceExhausted"/>): a client with a retry policy waits that long before its next attempt.
    /// </summary>
    /// <param name="pushback">How long the client should wait; not negative.</param>
    /// <returns>This stub, for chaining.</returns>
    public GrpcStub<TRequest, TResponse> WithRetryPushback(TimeSpan pushback)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pushback, TimeSpan.Zero);
        return ChangeLast(nameof(WithRetryPushback), a => a with { RetryPushback = pushback });
    }

    /// <summary>
    /// BreakAfter makes the answer appended last end the stream after <paramref name="messages"/> messages, without the rest and
    /// without a status: the client reads those messages, then the call fails (Grpc.Net.Client reports
    /// <see cref="StatusCode.Cancelled"/>, "No grpc-status found on response"), as when a proxy cuts a stream off. The journal's
    /// <c>GrpcStatus()</c> is null for it.
    /// </summary>
    /// <param name="messages">How many messages go out before the break; 0 breaks the call before the first.</param>
    /// <returns>This stub, for chaining: <c>.RespondStream(a, b, c).BreakAfter(2)</c>.</returns>
    public GrpcStub<TRequest, TResponse> BreakAfter(int messages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(messages);
        return ChangeLast(nameof(BreakAfter), a => a with { BreakAfter = messages });
    }

    /// <summary>WithTrailer adds a trailer (response metadata at the end of the call) to the answer appended last.</summary>
    /// <param name="name">The lowercase metadata key; a key ending in "-bin" carries base64 of binary data.</param>
    /// <param name="value">The value.</param>
    /// <returns>This stub, for chaining.</returns>
    public GrpcStub<TRequest, TResponse> WithTrailer(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        if (name.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{name}' is reserved by gRPC; set the status with Fail and the pushback with WithRetryPushback.", nameof(name));
        }

        return ChangeLast(nameof(WithTrailer), a => a with { Trailers = [.. a.Trailers, new(name.ToLowerInvariant(), value)] });
    }

    private GrpcStub<TRequest, TResponse> ChangeLast(string modifier, Func<GrpcAnswer, GrpcAnswer> change)
    {
        lock (_gate)
        {
            if (_answers.Length == 0)
            {
                throw new InvalidOperationException($"{modifier} changes the answer appended last, and {this} has none yet: call Respond, RespondStream or Fail first.");
            }

            _answers = [.. _answers[..^1], change(_answers[^1])];
        }

        return this;
    }
}
