namespace Telemetry.Analytics.Health;

/// <summary>How urgently a health finding needs someone.</summary>
public enum HealthSeverity
{
    /// <summary>Worth knowing; nothing to do now.</summary>
    Info,

    /// <summary>Needs a look: a job failed, the hardware runs outside its envelope, or the data is incomplete.</summary>
    Warning,

    /// <summary>Take the GPU or node out of service: it needs a reset, a power cycle or a replacement.</summary>
    Critical,
}
