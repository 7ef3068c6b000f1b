namespace Telemetry.Agent.Collectors;

/// <summary>A collector's source is missing (no NVML library, no nvidia-smi, no exporter answering); the message says how to fix it.</summary>
public sealed class CollectorUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CollectorUnavailableException() { }

    /// <summary>Creates the exception with a message.</summary>
    public CollectorUnavailableException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public CollectorUnavailableException(string message, Exception inner) : base(message, inner) { }
}
