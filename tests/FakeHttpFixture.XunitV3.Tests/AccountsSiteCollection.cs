namespace FakeHttpFixture.XunitV3.Tests;

[CollectionDefinition(Name)]
public sealed class AccountsSiteCollection : ICollectionFixture<AccountsSite>
{
    public const string Name = "Accounts site";
}
