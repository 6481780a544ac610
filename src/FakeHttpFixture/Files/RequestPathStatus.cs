namespace FakeHttpFixture;

/// <summary>What a request target says about the served tree, decoded exactly once.</summary>
internal enum RequestPathStatus
{
    /// <summary>The path names something that may be inside the tree.</summary>
    Ok,

    /// <summary>The target is malformed: a bad percent-escape, invalid UTF-8, or a control character. Answered 400.</summary>
    BadRequest,

    /// <summary>The path names something the server never serves (a backslash, a drive or stream colon, a Windows device name, a trailing dot or space).</summary>
    Refused,
}
