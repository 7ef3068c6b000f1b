using Telemetry.Agent.Collectors.DcgmExporter;
using Telemetry.Agent.Collectors.Prometheus;

namespace Telemetry.Fuzz.Targets;

/// <summary>A dcgm-exporter page: read by the Prometheus text reader within its default bounds, then mapped to readings.</summary>
internal sealed class PrometheusTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "prometheus";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        using var stream = new MemoryStream(input.ToArray());
        using var reader = new PrometheusTextReader(stream, new PrometheusLimits());
        var page = new DcgmPageBuilder("fuzz-node", maxGpus: 1024);
        try
        {
            while (reader.ReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult() is { } sample)
            {
                page.Add(sample);
            }
        }
        catch (PrometheusTextException)
        {
            return;
        }

        foreach (var reading in page.Build().Readings)
        {
            Finding.Unless(reading.Values.All(v => v is null || double.IsFinite(v.Value)), $"a reading of {reading.Gpu.Uuid} is not finite");
        }
    }
}
