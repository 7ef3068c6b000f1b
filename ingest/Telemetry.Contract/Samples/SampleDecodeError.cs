namespace Telemetry.Contract.Samples;

/// <summary>Why a payload could not be decoded as a sample batch; one counter per cause.</summary>
public enum SampleDecodeError
{
    /// <summary>The bytes are not an Arrow IPC stream.</summary>
    NotArrow,
    /// <summary>The stream holds no record batch, or more than one.</summary>
    BatchCount,
    /// <summary>The schema version is missing or not one this build reads.</summary>
    UnsupportedVersion,
    /// <summary>A required column is missing or has the wrong type.</summary>
    SchemaMismatch,
    /// <summary>The payload or its row count is over the configured bound.</summary>
    TooLarge,
}
