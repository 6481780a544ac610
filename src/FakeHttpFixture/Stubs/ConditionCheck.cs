namespace FakeHttpFixture;

/// <summary>One line of a miss report: whether a condition of a stub held for the request, and what it expected and received.</summary>
/// <param name="Held">Whether the condition held.</param>
/// <param name="Text">The condition with the values that decided it, such as <c>header X-Tenant: expected "acme", received "globex"</c>.</param>
internal readonly record struct ConditionCheck(bool Held, string Text);
