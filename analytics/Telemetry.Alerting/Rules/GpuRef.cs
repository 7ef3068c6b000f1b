using System.Globalization;
using Telemetry.Analytics.Windows;

namespace Telemetry.Alerting.Rules;

/// <summary>Which GPU (or MIG instance) a window row is about, and who held it.</summary>
internal sealed record GpuRef(string Node, string Uuid, int Index, int? Mig, string Model, string? JobId)
{
    /// <summary>Identity across windows: the node, the GPU and the MIG instance.</summary>
    public (string Node, string Uuid, int? Mig) Key => (Node, Uuid, Mig);

    /// <summary>The <see cref="AlertLabels.Gpu"/> label: the index, with the MIG instance after <c>-mig</c>.</summary>
    public string Label => Mig is { } mig
        ? string.Create(CultureInfo.InvariantCulture, $"{Index}-mig{mig}")
        : Index.ToString(CultureInfo.InvariantCulture);

    /// <summary>For descriptions: <c>GPU 3 (NVIDIA H100 80GB HBM3, GPU-…) on node-a</c>.</summary>
    public string Describe() => $"GPU {Label} ({Model}, {Uuid}) on {Node}";

    public static GpuRef Of(GpuWindow w) => new(w.Node, w.GpuUuid, w.GpuIndex, w.MigInstance, w.GpuModel, w.JobId);

    public static GpuRef Of(GpuStateWindow w) => new(w.Node, w.GpuUuid, w.GpuIndex, w.MigInstance, w.GpuModel, w.JobId);
}
