namespace Telemetry.Contract.Messages;

/// <summary>An allocation or throughput message that is not valid.</summary>
public sealed class EventDecodeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EventDecodeException() { }

    /// <summary>Creates the exception with a message.</summary>
    public EventDecodeException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public EventDecodeException(string message, Exception inner) : base(message, inner) { }
}
