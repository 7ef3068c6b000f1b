namespace Telemetry.Agent.Hosting;

/// <summary>Settings of a node agent. Every default is documented; <see cref="Validate"/> names a bad setting.</summary>
public sealed class NodeAgentOptions
{
    /// <summary>The node's name, the key of its messages. Default: the host name.</summary>
    public string Node { get; set; } = Environment.MachineName;

    /// <summary>The agent's id in message headers, stable across restarts. Default: the node name.</summary>
    public string? AgentId { get; set; }

    /// <summary>How often every GPU is read. Default 1 s.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How much time one sample message covers. Default 5 s.</summary>
    public TimeSpan BatchInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws with a message naming the setting when a value is out of range.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Node))
        {
            throw new ArgumentException("Agent:Node is empty: give the node's name.", nameof(Node));
        }

        if (Interval < TimeSpan.FromMilliseconds(100) || Interval > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(Interval), Interval, "Agent:Interval must be between 100 ms and 1 h.");
        }

        if (BatchInterval < Interval || BatchInterval > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(BatchInterval), BatchInterval, "Agent:BatchInterval must be at least Agent:Interval and at most 1 h.");
        }
    }
}
