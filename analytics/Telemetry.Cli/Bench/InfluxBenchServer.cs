namespace Telemetry.Cli.Bench;

/// <summary>
/// The InfluxDB server the sink benchmark writes to: one that takes the v2 write API and answers InfluxQL at
/// <c>/query</c> (InfluxDB 2.x with a DBRP mapping, 3.x, 1.8 and later 1.x).
/// </summary>
/// <param name="Url">Base URL, as for <c>--influx-url</c>.</param>
/// <param name="Bucket">The bucket (or <c>database/retention-policy</c>) written into; it must exist.</param>
/// <param name="Org">Organization (2.x).</param>
/// <param name="Token">API token or <c>user:password</c>; empty for a server without authentication.</param>
internal sealed record InfluxBenchServer(string Url, string Bucket, string Org, string Token)
{
    /// <summary>The base URL with a trailing slash, so that relative paths go below it.</summary>
    public Uri BaseUri => new(Url.EndsWith('/') ? Url : Url + "/");
}
