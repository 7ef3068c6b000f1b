using Telemetry.Agent.Collectors.DcgmExporter;

namespace Telemetry.Agent.Tests.Collectors.DcgmExporter;

[TestClass]
public sealed class DcgmExporterOptionsTests
{
    [TestMethod]
    public void TheDefaultsAreDcgmExportersOwnPortAndTheDocumentedBounds()
    {
        var options = new DcgmExporterOptions();

        options.Validate();

        Assert.AreEqual(new Uri("http://localhost:9400/metrics"), options.Url);
        Assert.AreEqual(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.AreEqual(8L * 1024 * 1024, options.MaxPageBytes);
        Assert.AreEqual(64 * 1024, options.MaxLineBytes);
        Assert.AreEqual(100_000, options.MaxSeries);
        Assert.AreEqual(1024, options.MaxGpus);
        Assert.AreEqual(Environment.MachineName, options.Node);
    }

    [TestMethod]
    [DataRow(nameof(DcgmExporterOptions.Url))]
    [DataRow(nameof(DcgmExporterOptions.Timeout))]
    [DataRow(nameof(DcgmExporterOptions.MaxPageBytes))]
    [DataRow(nameof(DcgmExporterOptions.MaxLineBytes))]
    [DataRow(nameof(DcgmExporterOptions.MaxSeries))]
    [DataRow(nameof(DcgmExporterOptions.MaxLabelsPerSeries))]
    [DataRow(nameof(DcgmExporterOptions.MaxLabelValueBytes))]
    [DataRow(nameof(DcgmExporterOptions.MaxGpus))]
    [DataRow(nameof(DcgmExporterOptions.Node))]
    public void AnUnusableSettingIsRejectedByName(string setting)
    {
        var options = new DcgmExporterOptions();
        Spoil(options, setting);

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.AreEqual(setting, error.ParamName);
        Assert.StartsWith($"DcgmExporter:{setting} ", error.Message);
    }

    [TestMethod]
    public void TheCollectorRefusesOptionsThatDoNotValidate()
    {
        var options = new DcgmExporterOptions { Url = new Uri("ftp://localhost/metrics") };

        var error = Assert.Throws<ArgumentException>(() => new DcgmExporterCollector(options));

        Assert.AreEqual(nameof(DcgmExporterOptions.Url), error.ParamName);
    }

    private static void Spoil(DcgmExporterOptions options, string setting)
    {
        switch (setting)
        {
            case nameof(DcgmExporterOptions.Url): options.Url = new Uri("/metrics", UriKind.Relative); break;
            case nameof(DcgmExporterOptions.Timeout): options.Timeout = TimeSpan.Zero; break;
            case nameof(DcgmExporterOptions.MaxPageBytes): options.MaxPageBytes = 0; break;
            case nameof(DcgmExporterOptions.MaxLineBytes): options.MaxLineBytes = -1; break;
            case nameof(DcgmExporterOptions.MaxSeries): options.MaxSeries = 0; break;
            case nameof(DcgmExporterOptions.MaxLabelsPerSeries): options.MaxLabelsPerSeries = 0; break;
            case nameof(DcgmExporterOptions.MaxLabelValueBytes): options.MaxLabelValueBytes = 0; break;
            case nameof(DcgmExporterOptions.MaxGpus): options.MaxGpus = 0; break;
            case nameof(DcgmExporterOptions.Node): options.Node = " "; break;
            default: throw new ArgumentOutOfRangeException(nameof(setting), setting, "no such setting");
        }
    }
}
