namespace FakeHttpFixture.OpenApi.Tests.Adapters;

public sealed class XunitV3AdapterTests(XunitV3ContractRun child) : IClassFixture<XunitV3ContractRun>
{
    [Fact]
    public void A_test_that_passed_its_assertions_fails_with_the_contract_violation_in_its_message_and_output()
    {
        var result = child.Run.Result("Passes_its_assertions_with_a_drifted_stub");

        result.Outcome.ShouldBe("Failed", child.Run.Console);
        result.Message.ShouldContain("HttpFixtureVerificationException");
        result.Message.ShouldContain("""GET /pets/1 (request #1) broke the OpenAPI contract of GET /pets/{petId} in pets.yaml: response 200 body: required: Required properties ["kind"] are not present""");
        result.StdOut.ShouldContain("#1 GET /pets/1 → 200");
    }

    [Fact]
    public void A_test_whose_exchanges_keep_the_contract_passes() =>
        child.Run.Result("Keeps_the_contract").Outcome.ShouldBe("Passed", child.Run.Console);
}
