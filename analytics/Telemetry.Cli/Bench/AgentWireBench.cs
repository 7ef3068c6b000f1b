namespace Telemetry.Cli.Bench;

/// <summary>
/// Bytes a sample takes on the wire when every node's agent has a producer of its own, as on the GPU nodes: a batch
/// holds one node's messages of one send, and is compressed alone. In the lossless benchmark one producer sends for
/// every node, so its batches hold many nodes' messages and compress better than an agent's can.
/// </summary>
internal static class AgentWireBench
{
    /// <summary>Sends <paramref name="sends"/> sends of up to <paramref name="nodes"/> nodes, each flushed alone, and returns the bytes on the wire a sample.</summary>
    public static double BytesPerSample(BenchFleet fleet, ProducerSetting setting, int nodes = 16, int sends = 4)
    {
        nodes = Math.Min(nodes, fleet.Nodes);
        using var cluster = new BenchCluster(1, nodes, setting.Compression, setting.LingerMs);

        // The first send also carries the producer's metadata and id requests: it is not counted.
        Send(cluster, fleet.Payloads(0, setting.GpusPerMessage, setting.TicksPerMessage), setting, nodes);
        var before = cluster.WireBytes();
        for (var send = 1; send <= sends; send++)
        {
            Send(cluster, fleet.Payloads(send * setting.TicksPerMessage, setting.GpusPerMessage, setting.TicksPerMessage), setting, nodes);
        }

        return (double)(cluster.WireBytes() - before) / ((long)sends * nodes * setting.MessagesPerNode * setting.RowsPerMessage);
    }

    private static void Send(BenchCluster cluster, List<byte[]> payloads, ProducerSetting setting, int nodes)
    {
        for (var node = 0; node < nodes; node++)
        {
            for (var m = node * setting.MessagesPerNode; m < (node + 1) * setting.MessagesPerNode; m++)
            {
                cluster.Publish(node, payloads[m], setting.RowsPerMessage);
            }

            cluster.Flush();
        }
    }
}
