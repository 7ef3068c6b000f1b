using Telemetry.Agent.Collectors;
using Telemetry.Agent.Collectors.DcgmExporter;
using Telemetry.Agent.Collectors.NvidiaSmi;
using Telemetry.Agent.Collectors.Nvml;

namespace Telemetry.Agent.Hosting;

/// <summary>The collectors a node agent's settings name, in their order of priority.</summary>
internal static class NodeCollectors
{
    /// <summary>One collector per name in <see cref="NodeAgentSettings.Collectors"/> (every known one when empty), first named first.</summary>
    public static List<ISampleCollector> Create(NodeAgentSettings settings, string node)
    {
        var names = settings.Collectors.Count > 0 ? settings.Collectors : NodeAgentSettings.KnownCollectors;
        var collectors = new List<ISampleCollector>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            switch (name)
            {
                case "dcgm-exporter":
                    collectors.Add(new DcgmExporterCollector(new DcgmExporterOptions { Url = new Uri(settings.DcgmUrl), Node = node }));
                    break;
                case "nvml":
                    collectors.Add(new NvmlCollector(new NvmlCollectorOptions { LibraryPath = settings.NvmlLibrary, NodeName = node }, TimeProvider.System));
                    break;
                case "nvidia-smi":
                    collectors.Add(new NvidiaSmiCollector(new NvidiaSmiOptions { Path = settings.NvidiaSmi, Node = node }));
                    break;
            }
        }

        return collectors;
    }
}
