using Telemetry.Analytics;
using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Gpus;
using Telemetry.Cli;

namespace Telemetry.Fuzz.Targets;

/// <summary>
/// A configuration file, written to disk and loaded as each kind the analytics read: the cost configuration, the GPU
/// model table and the <c>--config</c> settings with every section bound. A refusal must name the file or the setting.
/// </summary>
internal sealed class ConfigTarget : IFuzzTarget
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"telemetry-fuzz-config-{Environment.ProcessId}.json");

    /// <inheritdoc />
    public string Name => "config";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        File.WriteAllBytes(_path, input.ToArray());
        try
        {
            LoadCost();
            LoadModels();
            LoadSettings();
        }
        finally
        {
            File.Delete(_path);
        }
    }

    private void LoadCost()
    {
        try
        {
            CostOptions.Load(_path);
        }
        catch (CostConfigurationException e)
        {
            Finding.Unless(e.Message.StartsWith(_path, StringComparison.Ordinal), "a refused cost configuration does not name its file");
        }
    }

    private void LoadModels()
    {
        try
        {
            GpuModelPeaks.Load(_path);
        }
        catch (InvalidDataException e)
        {
            Finding.Unless(e.Message.Contains(_path, StringComparison.Ordinal), "a refused model table does not name its file");
        }
    }

    private void LoadSettings()
    {
        try
        {
            var configuration = AnalyticsConfiguration.Load(_path);
            configuration.Aggregator(new AggregatorOptions());
            configuration.WasteEpisodes();
            configuration.Health();
            configuration.Influx();
        }
        catch (InvalidDataException e)
        {
            Finding.Unless(e.Message.Contains(_path, StringComparison.Ordinal), "a refused --config does not name its file");
        }
        catch (ArgumentException)
        {
            // A value that does not bind or is out of range, named in the message.
        }
    }
}
