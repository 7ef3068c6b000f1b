using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Telemetry.Testing.Browser;

/// <summary>
/// Debian's <c>chromium</c> package, for browser tests driven by Playwright: Playwright's own browser download cannot
/// reach its host here, and the system Chromium runs headless with the arguments below.
/// </summary>
public static class SystemChromium
{
    /// <summary>Where Debian's package puts the browser.</summary>
    public const string DebianPath = "/usr/bin/chromium";

    private const string InstallHint = "apt-get install chromium";

    /// <summary>
    /// No sandbox (tests run as root, where Chromium's sandbox refuses to start), no GPU, and nothing that reaches out
    /// to the network on its own.
    /// </summary>
    public static IReadOnlyList<string> Arguments { get; } =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    /// <summary>
    /// The browser's path. Without it the test fails when <c>CI=true</c> (CI installs the package, so a missing browser
    /// there is a broken pipeline) and is inconclusive elsewhere, so a developer sees the test did not run.
    /// </summary>
    public static string Require()
    {
        if (File.Exists(DebianPath))
        {
            return DebianPath;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"chromium is not installed: {InstallHint}");
        }

        Assert.Inconclusive($"chromium is not installed ({InstallHint}); browser tests did not run");
        return null!;
    }
}
