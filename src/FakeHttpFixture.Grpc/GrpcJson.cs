using Google.Protobuf;

namespace FakeHttpFixture;

/// <summary>Messages as protobuf's JSON mapping (Google.Protobuf's formatter), as the journal and the miss reports show them.</summary>
internal static class GrpcJson
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);

    public static string Format(IMessage message)
    {
        try
        {
            return Formatter.Format(message);
        }
        catch (InvalidOperationException ex)
        {
            // An Any whose type no registry knows, for one: say so rather than fail the report.
            return $"({message.Descriptor.FullName} that protobuf's JSON formatter cannot write: {ex.Message})";
        }
    }
}
