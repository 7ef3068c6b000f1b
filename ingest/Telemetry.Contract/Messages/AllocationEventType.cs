namespace Telemetry.Contract.Messages;

/// <summary>Whether an allocation begins or ends.</summary>
public enum AllocationEventType
{
    /// <summary>The job holds the GPUs from this time.</summary>
    Start,

    /// <summary>The job releases the GPUs at this time.</summary>
    Stop,
}
