using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>A path prefix the server answers itself, before recording (<see cref="HttpFixtureServer.MapOwnPages"/>).</summary>
internal sealed record OwnPage(PathString Prefix, RequestDelegate Handler);
