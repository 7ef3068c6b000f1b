namespace Telemetry.Alerting.Safety;

/// <summary>A webhook endpoint's address is not one it may connect to; the delivery fails for good.</summary>
public sealed class EndpointRefusedException : Exception
{
    /// <summary>A refusal with its reason.</summary>
    public EndpointRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>A refusal with its reason and cause.</summary>
    public EndpointRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A refusal without a reason.</summary>
    public EndpointRefusedException()
    {
    }
}
