[assembly: AssemblyFixture(typeof(FakeHttpFixture.XunitV3.Tests.HammeredSite))]

namespace FakeHttpFixture.XunitV3.Tests;

// One server for the whole assembly that tests of several collections use at the same time: not reset before each test, each
// test sees only the requests it caused.
public sealed class HammeredSite : HttpFixture
{
    public override bool ResetBeforeEachTest => false;
}
