namespace Telemetry.Testing.Influx;

/// <summary>How a v2 write request's parameters read in the 1.x write API.</summary>
internal static class WriteTranslation
{
    /// <summary>
    /// The 1.x precision for a v2 one (nanoseconds when absent, as in v2), or null when v2 would refuse it. The
    /// spellings differ for two of them, and influxd 1.6 takes a precision it does not know as nanoseconds without a
    /// word, so <c>us</c> passed through unchanged would put points a thousand times too early.
    /// </summary>
    public static string? Precision(string? v2) => v2 switch
    {
        null or "" or "ns" => "n",
        "us" => "u",
        "ms" => "ms",
        "s" => "s",
        _ => null,
    };

    /// <summary>
    /// The 1.x <c>/write</c> query string for a bucket named <c>database/retention-policy</c> or just <c>database</c>
    /// (the database's default policy then), as InfluxDB 1.8's own v2 write API reads it; null when it names no database.
    /// </summary>
    public static string? Query(string? bucket, string precision)
    {
        if (string.IsNullOrEmpty(bucket))
        {
            return null;
        }

        var slash = bucket.IndexOf('/', StringComparison.Ordinal);
        var database = slash < 0 ? bucket : bucket[..slash];
        var policy = slash < 0 ? "" : bucket[(slash + 1)..];
        if (database.Length == 0)
        {
            return null;
        }

        var query = $"?db={Uri.EscapeDataString(database)}&precision={precision}";
        return policy.Length == 0 ? query : $"{query}&rp={Uri.EscapeDataString(policy)}";
    }
}
