namespace Telemetry.Agent.Simulation;

/// <summary>Shape and timing of the simulated fleet.</summary>
public sealed class FleetSimulationOptions
{
    /// <summary>Number of nodes. Default 16.</summary>
    public int Nodes { get; set; } = 16;

    /// <summary>GPUs on each node. Default 8.</summary>
    public int GpusPerNode { get; set; } = 8;

    /// <summary>Seed of every random choice; the same seed gives the same fleet and readings. Default 42.</summary>
    public ulong Seed { get; set; } = 42;

    /// <summary>Simulated start time; whole seconds. Default 2026-01-01T00:00:00Z.</summary>
    public DateTimeOffset Start { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Simulated duration; whole seconds. Default one hour.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Throws with a message naming the setting when a value is out of range.</summary>
    public void Validate()
    {
        if (Nodes is < 1 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(Nodes), Nodes, "Nodes must be between 1 and 100000.");
        }

        if (GpusPerNode is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(GpusPerNode), GpusPerNode, "GPUs per node must be between 1 and 64.");
        }

        if (Duration < TimeSpan.FromSeconds(10) || Duration > TimeSpan.FromDays(31) || Duration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Duration), Duration, "Duration must be whole seconds between 10 s and 31 days.");
        }

        if (Start.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Start), Start, "Start must be a whole second.");
        }
    }
}
