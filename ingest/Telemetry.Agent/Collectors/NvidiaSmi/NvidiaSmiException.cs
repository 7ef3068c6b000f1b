namespace Telemetry.Agent.Collectors.NvidiaSmi;

/// <summary>One nvidia-smi collection failed; <see cref="Cause"/> is the key it is counted under in <see cref="CollectorCounters.Errors"/>.</summary>
public sealed class NvidiaSmiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NvidiaSmiException() : this("error", "nvidia-smi failed.") { }

    /// <summary>Creates the exception with a message.</summary>
    public NvidiaSmiException(string message) : this("error", message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public NvidiaSmiException(string message, Exception inner) : base(message, inner) => Cause = "error";

    /// <summary>Creates the exception for a counted cause.</summary>
    public NvidiaSmiException(string cause, string message, Exception? inner = null) : base(message, inner) => Cause = cause;

    /// <summary>
    /// Why: <c>not-found</c>, <c>timeout</c>, <c>too-large</c>, <c>exit-code</c> or <c>parse</c>
    /// (<c>error</c> when not given).
    /// </summary>
    public string Cause { get; }
}
