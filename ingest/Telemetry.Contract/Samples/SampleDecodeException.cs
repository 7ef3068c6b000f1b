namespace Telemetry.Contract.Samples;

/// <summary>A payload that is not a valid sample batch; <see cref="Error"/> says which way.</summary>
public sealed class SampleDecodeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SampleDecodeException(SampleDecodeError error, string message, Exception? inner = null)
        : base(message, inner) => Error = error;

    /// <summary>Creates the exception with a generic message.</summary>
    public SampleDecodeException() : this(SampleDecodeError.NotArrow, "The payload is not a sample batch.") { }

    /// <summary>Creates the exception with a message.</summary>
    public SampleDecodeException(string message) : this(SampleDecodeError.NotArrow, message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public SampleDecodeException(string message, Exception inner) : this(SampleDecodeError.NotArrow, message, inner) { }

    /// <summary>The cause.</summary>
    public SampleDecodeError Error { get; }
}
