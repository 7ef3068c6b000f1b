namespace Telemetry.Cli.Commands;

/// <summary>
/// The InfluxDB flags of commands that run an aggregator. They override the <c>Influx</c> section of the analytics
/// configuration (file and <c>TELEMETRY_Influx__*</c> environment variables); the token is read from there only, so
/// that it never shows in a process list.
/// </summary>
internal interface IInfluxFlags
{
    /// <summary>--influx-url.</summary>
    string? InfluxUrl { get; }

    /// <summary>--influx-bucket.</summary>
    string? InfluxBucket { get; }

    /// <summary>--influx-org.</summary>
    string? InfluxOrg { get; }
}
