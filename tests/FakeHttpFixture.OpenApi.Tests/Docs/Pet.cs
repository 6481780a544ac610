namespace FakeHttpFixture.OpenApi.Tests.Docs;

/// <summary>A pet as <see cref="PetClient"/> reads it.</summary>
public sealed record Pet(long Id, string Name, string Kind);
