using System.Globalization;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Attribution;

/// <summary>How people name a node's GPUs: by index (<c>0</c>), by MIG instance (<c>0.3</c>: GPU 0, GPU instance 3) or by UUID.</summary>
public static class GpuNames
{
    /// <summary>The allocation key of the named GPU among <paramref name="gpus"/>, or null when none matches.</summary>
    public static string? Resolve(string name, IReadOnlyList<GpuIdentity> gpus)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(gpus);
        var byKey = gpus.FirstOrDefault(g => g.AllocationKey == name || (g.MigInstance is null && g.Uuid == name));
        if (byKey is not null)
        {
            return byKey.AllocationKey;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (!int.TryParse(dot < 0 ? name : name[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return null;
        }

        int? mig = null;
        if (dot >= 0)
        {
            if (!int.TryParse(name.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var instance))
            {
                return null;
            }

            mig = instance;
        }

        return gpus.FirstOrDefault(g => g.Index == index && g.MigInstance == mig)?.AllocationKey;
    }

    /// <summary>A GPU as <see cref="Resolve"/> accepts it by index.</summary>
    public static string Describe(GpuIdentity gpu) =>
        gpu.MigInstance is { } mig
            ? string.Create(CultureInfo.InvariantCulture, $"{gpu.Index}.{mig}")
            : gpu.Index.ToString(CultureInfo.InvariantCulture);
}
