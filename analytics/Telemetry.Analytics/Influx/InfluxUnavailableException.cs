namespace Telemetry.Analytics.Influx;

/// <summary>InfluxDB could not be reached, or refused what was sent; the message names the server and the fix.</summary>
public sealed class InfluxUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InfluxUnavailableException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public InfluxUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public InfluxUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
