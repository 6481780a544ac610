namespace FakeHttpFixture.Tests.Support;

/// <summary>What openssl, a child process that shares no code with ours, reads from a server's certificate.</summary>
internal static class OpenSsl
{
    /// <summary>Returns the base64 SHA-256 of the certificate's SubjectPublicKeyInfo as openssl computes it from the PEM; skips without openssl.</summary>
    public static async Task<string> SpkiHashAsync(HttpFixtureServer server)
    {
        var found = await ExternalProcess.RunAsync("bash", "-c", "command -v openssl");
        Assert.SkipWhen(found.ExitCode != 0, "openssl is not installed; `sudo bash .ci/install-prereqs` installs it.");
        using var temp = new TempDirectory();
        var pem = Path.Combine(temp.Path, "server.pem");
        server.SaveCertificatePem(pem);

        // The public key out of the certificate, as DER (that is the SubjectPublicKeyInfo), hashed and base64-encoded: Chromium's pin.
        var (exit, output, error) = await ExternalProcess.RunAsync(
            "bash", "-c", "set -o pipefail; openssl x509 -in \"$0\" -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | openssl base64 -A", pem);
        exit.ShouldBe(0, error);
        return output.Trim();
    }
}
