using System.Globalization;
using Telemetry.Agent.Collectors.Prometheus;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Collectors.DcgmExporter;

/// <summary>
/// The labels dcgm-exporter puts on every series: <c>gpu</c>, <c>UUID</c>, <c>pci_bus_id</c>, <c>device</c>,
/// <c>modelName</c>, on MIG instances <c>GPU_I_PROFILE</c> and <c>GPU_I_ID</c>, <c>Hostname</c> (<c>hostname</c> in newer
/// releases), then attributes such as <c>pod</c>, <c>namespace</c>, <c>container</c> and <c>hpc_job</c>.
/// </summary>
internal static class DcgmLabels
{
    /// <summary>The GPU's UUID; the parent GPU's on a MIG instance.</summary>
    public const string Uuid = "UUID";

    /// <summary>The UUID label under <c>--use-old-namespace</c>.</summary>
    public const string OldUuid = "uuid";

    /// <summary>The GPU's index on the node.</summary>
    public const string Gpu = "gpu";

    /// <summary>Device node name (<c>nvidia0</c>), from which the index is taken when <c>gpu</c> is missing.</summary>
    public const string Device = "device";

    /// <summary>Product name.</summary>
    public const string ModelName = "modelName";

    /// <summary>Node name as dcgm-exporter has always written it.</summary>
    public const string Hostname = "Hostname";

    /// <summary>Node name as newer releases write it.</summary>
    public const string LowerHostname = "hostname";

    /// <summary>MIG GPU instance ID.</summary>
    public const string MigInstance = "GPU_I_ID";

    /// <summary>MIG profile name (<c>1g.10gb</c>).</summary>
    public const string MigProfile = "GPU_I_PROFILE";

    /// <summary>The GPU's UUID, or null when the series has none.</summary>
    public static string? UuidOf(PrometheusSample sample) => NonEmpty(sample.Label(Uuid)) ?? NonEmpty(sample.Label(OldUuid));

    /// <summary>The MIG instance ID, or null for a whole GPU.</summary>
    public static int? MigInstanceOf(PrometheusSample sample) => ParseInt(sample.Label(MigInstance));

    /// <summary>The GPU or MIG instance a series describes; index -1 and model <c>unknown</c> where the labels lack them.</summary>
    public static GpuIdentity IdentityOf(PrometheusSample sample, string uuid, string fallbackNode)
    {
        var node = NonEmpty(sample.Label(Hostname)) ?? NonEmpty(sample.Label(LowerHostname)) ?? fallbackNode;
        var index = ParseInt(sample.Label(Gpu)) ?? DeviceIndex(sample.Label(Device)) ?? -1;
        var model = NonEmpty(sample.Label(ModelName)) ?? "unknown";
        var instance = MigInstanceOf(sample);
        var profile = instance is null ? null : NonEmpty(sample.Label(MigProfile));
        return new GpuIdentity(node, uuid, index, model, instance, profile);
    }

    /// <summary>The workload labels of a series, or null when it has none.</summary>
    public static GpuWorkloadLabels? WorkloadOf(PrometheusSample sample, GpuIdentity gpu)
    {
        var pod = NonEmpty(sample.Label("pod"));
        var ns = NonEmpty(sample.Label("namespace"));
        var container = NonEmpty(sample.Label("container"));
        var job = NonEmpty(sample.Label("hpc_job"));
        return pod is null && ns is null && container is null && job is null ? null : new GpuWorkloadLabels(gpu, pod, ns, container, job);
    }

    private static int? DeviceIndex(string? device) =>
        device is not null && device.StartsWith("nvidia", StringComparison.Ordinal) ? ParseInt(device["nvidia".Length..]) : null;

    private static int? ParseInt(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
