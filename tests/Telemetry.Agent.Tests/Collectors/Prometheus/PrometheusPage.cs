using System.Text;
using Telemetry.Agent.Collectors.Prometheus;

namespace Telemetry.Agent.Tests.Collectors.Prometheus;

/// <summary>Reads a page held in memory through the real reader.</summary>
internal static class PrometheusPage
{
    public static Task<List<PrometheusSample>> ReadAsync(string page, CancellationToken cancellationToken, PrometheusLimits? limits = null) =>
        ReadAsync(Encoding.UTF8.GetBytes(page), cancellationToken, limits);

    public static async Task<List<PrometheusSample>> ReadAsync(byte[] page, CancellationToken cancellationToken, PrometheusLimits? limits = null)
    {
        using var stream = new MemoryStream(page);
        return await ReadAsync(stream, cancellationToken, limits);
    }

    public static async Task<List<PrometheusSample>> ReadAsync(Stream stream, CancellationToken cancellationToken, PrometheusLimits? limits = null)
    {
        using var reader = new PrometheusTextReader(stream, limits ?? new PrometheusLimits());
        var samples = new List<PrometheusSample>();
        await foreach (var sample in reader.ReadAllAsync(cancellationToken))
        {
            samples.Add(sample);
        }

        return samples;
    }

    public static Task<PrometheusTextException> RejectAsync(string page, CancellationToken cancellationToken, PrometheusLimits? limits = null) =>
        Assert.ThrowsExactlyAsync<PrometheusTextException>(() => ReadAsync(page, cancellationToken, limits));
}
