namespace FakeHttpFixture.OpenApi.Tests.Support;

/// <summary>The OpenAPI documents the tests check against, copied beside the test assembly, and a way to read Verify's failure.</summary>
internal static class Contract
{
    public static string Pets => File("pets.yaml");

    public static string Shapes => File("shapes.json");

    public static string File(string name) => Path.Combine(AppContext.BaseDirectory, "Contracts", name);

    public static string VerifyFailure(HttpFixtureServer server)
    {
        var message = Should.Throw<HttpFixtureVerificationException>(server.Verify).Message;
        TestContext.Current.TestOutputHelper?.WriteLine(message);
        return message;
    }

    public static StubResponse Json(string json, int status = 200) => StubResponse.Text(json, "application/json").WithStatus(status);
}
