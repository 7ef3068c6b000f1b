using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Windows;

namespace Telemetry.Cli.Tests;

[TestClass]
public sealed class VerifyCommandTests
{
    private static readonly long Start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    [TestMethod]
    public void AnIntactLedgerExitsZeroAndATamperedOneExitsOne()
    {
        var ledger = Path.Combine(Path.GetTempPath(), "telemetry-verify-" + Guid.NewGuid().ToString("N"));
        try
        {
            var writer = new LedgerWriter(ledger);
            writer.Write(new ClosedWindow(Start, Start + 60_000, [], []));
            writer.Write(new ClosedWindow(Start + 60_000, Start + 120_000, [], []));

            var intact = TelemetryApp.Build().Run(["verify", "--ledger", ledger]);
            File.AppendAllText(Path.Combine(ledger, LedgerWriter.RelativePath("job-windows", Start)), "appended");
            var tampered = TelemetryApp.Build().Run(["verify", "--ledger", ledger]);

            Assert.AreEqual(0, intact);
            Assert.AreEqual(1, tampered);
        }
        finally
        {
            Directory.Delete(ledger, recursive: true);
        }
    }
}
