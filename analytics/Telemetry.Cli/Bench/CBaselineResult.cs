namespace Telemetry.Cli.Bench;

/// <summary>What the C baseline reported.</summary>
/// <param name="ProducedPerSecond">Messages per second produced (until all were acknowledged).</param>
/// <param name="Received">Messages its consumer received.</param>
/// <param name="Sent">Messages produced.</param>
/// <param name="EndToEndPerSecond">Messages received per second from the first produced to the last received.</param>
internal sealed record CBaselineResult(double ProducedPerSecond, long Received, long Sent, double EndToEndPerSecond)
{
    public bool Lossless => Received == Sent;
}
