using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Telemetry.Testing.Influx;

/// <summary>Finds the <c>influxd</c> binary, and decides what a test does on a machine without it.</summary>
internal static class InfluxInstallation
{
    /// <summary>Where Debian's <c>influxdb</c> package puts the server, for shells whose PATH lacks /usr/bin.</summary>
    private const string DebianPath = "/usr/bin/influxd";

    private const string InstallHint = "apt-get install influxdb";

    public static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "influxd");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return File.Exists(DebianPath) ? DebianPath : null;
    }

    /// <summary>
    /// The path of <c>influxd</c>. Without it the test fails when <c>CI=true</c> (CI installs the package, so a missing
    /// server there is a broken pipeline) and is inconclusive elsewhere, so a developer sees the tests did not run.
    /// </summary>
    public static string Require()
    {
        var found = Find();
        if (found is not null)
        {
            return found;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"influxd is not installed: {InstallHint}");
        }

        Assert.Inconclusive($"influxd is not installed ({InstallHint}); InfluxDB tests did not run");
        return null!;
    }
}
