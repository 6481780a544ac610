using ArchUnitNET.Domain.Dependencies;

namespace FakeHttpFixture.Tests.Architecture;

/// <summary>The response side of a recorded request has one writer, the exchange: a stage that wrote it directly could skip a step or do one twice.</summary>
public sealed class ExchangeOwnershipTests
{
    private static readonly string[] ResponseWriters =
    [
        "AttachResponseCapture", "MarkUpstreamFailure", "NoteResponse", "MarkFault", "MarkResponseAborted", "MarkUnmatched", "MarkChaos",
        "AddResponseBytes", "Complete", "MarkEventStream", "MarkWebSocket", "AddEvent", "AddMessage", "EndStreams",
    ];

    [Fact]
    public void Only_the_exchange_writes_the_response_side_of_a_recorded_request()
    {
        var writers = CoreFolders.Instance.Types
            .SelectMany(type => type.Dependencies.OfType<MethodCallDependency>().Select(call => (Caller: CoreFolders.OwnerName(type)!, Call: call)))
            .Where(c => c.Call.TargetMember.DeclaringType.Name == nameof(RecordedRequest)
                && ResponseWriters.Contains(c.Call.TargetMember.Name[..c.Call.TargetMember.Name.IndexOf('(', StringComparison.Ordinal)]))
            .Select(c => (c.Caller, Member: c.Call.TargetMember.Name[..c.Call.TargetMember.Name.IndexOf('(', StringComparison.Ordinal)]))
            .Distinct()
            .ToList();

        writers.ShouldNotBeEmpty("the exchange writes the record, so the rule has calls to check");
        var others = writers.Where(w => w.Caller is not (nameof(RecordedRequest) or "Exchange")).Select(w => $"{w.Caller} calls RecordedRequest.{w.Member}").ToList();
        others.ShouldBeEmpty($"Only Exchange (Exchange/) writes the response side of a RecordedRequest; give it a method for what the stage needs: {string.Join("; ", others)}.");
    }
}
