namespace Telemetry.Agent.Collectors.Nvml;

/// <summary>
/// One device's two GPM sample buffers: the sample of the last collection and the one to fill now. They swap roles
/// after each collection, so each metric spans the interval between two collections.
/// </summary>
internal sealed class GpmSamplePair
{
    /// <summary>Whether the device supports GPM; null until NVML has answered.</summary>
    public bool? Supported { get; set; }

    /// <summary>The buffer holding the last collection's sample.</summary>
    public nint Previous { get; set; }

    /// <summary>The buffer to fill now.</summary>
    public nint Current { get; set; }

    /// <summary>Whether <see cref="Previous"/> holds a sample.</summary>
    public bool HasPrevious { get; set; }

    /// <summary>When <see cref="Previous"/> was taken (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    public long PreviousTimestamp { get; set; }

    /// <summary>Whether both buffers are allocated.</summary>
    public bool Allocated => Previous != 0 && Current != 0;

    /// <summary>Makes the sample just taken the previous one.</summary>
    public void Advance(long timestamp)
    {
        (Previous, Current) = (Current, Previous);
        HasPrevious = true;
        PreviousTimestamp = timestamp;
    }
}
