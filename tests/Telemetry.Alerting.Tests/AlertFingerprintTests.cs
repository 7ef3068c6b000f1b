namespace Telemetry.Alerting.Tests;

[TestClass]
public sealed class AlertFingerprintTests
{
    [TestMethod]
    public void TheFingerprintIsPrometheusLabelSetFingerprint()
    {
        // The vector of prometheus/common's TestMetricToFingerprint: 5799056148416392346.
        var labels = new Dictionary<string, string> { ["name"] = "garland, briggs", ["fear"] = "love is not enough" };

        Assert.AreEqual(5799056148416392346UL, AlertFingerprint.Hash(labels));
        Assert.AreEqual("507a62d79ee76c9a", AlertFingerprint.Of(labels));
    }

    [TestMethod]
    public void AnEmptyLabelSetHashesToTheFnvOffset()
    {
        Assert.AreEqual(14695981039346656037UL, AlertFingerprint.Hash([]));
    }

    [TestMethod]
    public void TheFingerprintIgnoresLabelOrderAndAnnotations()
    {
        var a = new Alert([new("node", "n1"), new("alertname", "X")], [new("summary", "one")], DateTimeOffset.UnixEpoch);
        var b = new Alert([new("alertname", "X"), new("node", "n1")], [new("summary", "two")], DateTimeOffset.UnixEpoch);
        var c = new Alert([new("alertname", "X"), new("node", "n2")], [], DateTimeOffset.UnixEpoch);

        Assert.AreEqual(a.Fingerprint, b.Fingerprint);
        Assert.AreNotEqual(a.Fingerprint, c.Fingerprint);
        Assert.AreEqual(16, a.Fingerprint.Length);
    }

    [TestMethod]
    public void AnAlertWithoutAnAlertNameIsRefused()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new Alert([new("node", "n1")], [], DateTimeOffset.UnixEpoch));
    }
}
