using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;
using Telemetry.Agent.Attribution;
using Telemetry.Agent.Throughput;
using Telemetry.Contract.Messages;
using Telemetry.Contract.Samples;

namespace Telemetry.Cli.Tests;

[TestClass]
public sealed class AllocCommandTests
{
    private static readonly GpuIdentity[] Gpus =
    [
        new("node-1", "GPU-aaaa", 0, "NVIDIA H100 80GB HBM3"),
        new("node-1", "GPU-bbbb", 1, "NVIDIA H100 80GB HBM3"),
    ];

    [TestMethod]
    public async Task AllocStartReachesTheAgentAsAnAllocationEventOfItsGpus()
    {
        var requested = new RequestedAllocations();
        await using var endpoint = new LocalEndpoint(new LocalEndpointOptions { Url = "http://127.0.0.1:0" }, "node-1", new ThroughputInbox(), requested, () => Gpus, TimeProvider.System, NullLoggerFactory.Instance);
        await endpoint.StartAsync(CancellationToken.None);

        var exit = await Run("agent", "alloc", "start", "--job", "slurm-4242", "--gpus", "0, 1", "--user", "ada", "--team", "research", "--agent", endpoint.Address!.ToString());

        Assert.AreEqual(0, exit);
        var e = Assert.ContainsSingle(requested.Poll(DateTimeOffset.UtcNow));
        Assert.AreEqual((AllocationEventType.Start, "slurm-4242", "ada", "research"), (e.Type, e.JobId, e.User, e.Team));
        CollectionAssert.AreEqual(new[] { "GPU-aaaa", "GPU-bbbb" }, e.GpuUuids.ToArray());
    }

    [TestMethod]
    public async Task AllocStopOfAnUnknownGpuFailsAndSendsNothing()
    {
        var requested = new RequestedAllocations();
        await using var endpoint = new LocalEndpoint(new LocalEndpointOptions { Url = "http://127.0.0.1:0" }, "node-1", new ThroughputInbox(), requested, () => Gpus, TimeProvider.System, NullLoggerFactory.Instance);
        await endpoint.StartAsync(CancellationToken.None);

        var exit = await Run("agent", "alloc", "stop", "--job", "slurm-4242", "--gpus", "5", "--agent", endpoint.Address!.ToString());

        Assert.AreEqual(1, exit);
        Assert.IsEmpty(requested.Poll(DateTimeOffset.UtcNow));
    }

    [TestMethod]
    public async Task AllocWithoutAnAgentListeningFailsSayingSo()
    {
        var exit = await Run("agent", "alloc", "start", "--job", "1", "--gpus", "0", "--agent", "http://127.0.0.1:1");

        Assert.AreEqual(2, exit);
    }

    private static Task<int> Run(params string[] args)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) });
        return TelemetryApp.Build(console).RunAsync(args);
    }
}
