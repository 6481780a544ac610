namespace FakeHttpFixture.Tests.Responses;

// FAKEHTTP_CHAOS_SEED is read by every server that starts: these tests run alone (ProcessEnvironmentCollection).
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ChaosSeedEnvironmentTests
{

    [Fact]
    public async Task The_environment_gives_the_seed_when_the_options_do_not()
    {
        Environment.SetEnvironmentVariable("FAKEHTTP_CHAOS_SEED", "4321");
        try
        {
            await using var fromEnvironment = HttpFixtureServer.Start(new FileTree());
            await using var fromOptions = HttpFixtureServer.Start(new FileTree(), o => o.ChaosSeed = 5);

            fromEnvironment.ChaosSeed.ShouldBe(4321);
            fromOptions.ChaosSeed.ShouldBe(5);
        }
        finally
        {
            Environment.SetEnvironmentVariable("FAKEHTTP_CHAOS_SEED", null);
        }
    }

    [Fact]
    public void A_seed_in_the_environment_that_is_not_a_number_fails_the_start_saying_so()
    {
        Environment.SetEnvironmentVariable("FAKEHTTP_CHAOS_SEED", "seed-please");
        try
        {
            var ex = Should.Throw<ArgumentException>(() => HttpFixtureServer.Start(new FileTree()));

            ex.Message.ShouldStartWith("The environment variable FAKEHTTP_CHAOS_SEED is 'seed-please', which is not a whole number: set it to the seed a failing test printed, such as 1234, or unset it.");
        }
        finally
        {
            Environment.SetEnvironmentVariable("FAKEHTTP_CHAOS_SEED", null);
        }
    }
}
