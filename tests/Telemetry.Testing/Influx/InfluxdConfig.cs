using System.Globalization;

namespace Telemetry.Testing.Influx;

/// <summary>The influxd 1.x configuration of a throwaway server: loopback only, no auth, quiet, nothing running in the background.</summary>
internal static class InfluxdConfig
{
    /// <summary>The TOML for a server that keeps everything under <paramref name="root"/>.</summary>
    public static string Render(string root, int httpPort, int rpcPort)
    {
        var meta = Quote(Path.Combine(root, "meta"));
        var data = Quote(Path.Combine(root, "data"));
        var wal = Quote(Path.Combine(root, "wal"));
        return string.Create(CultureInfo.InvariantCulture, $$"""
            # Upstream spells it reporting-disabled, Debian's build reporting-enabled; each ignores the other's key.
            reporting-disabled = true
            reporting-enabled = false
            # The RPC service that backup and restore use.
            bind-address = "127.0.0.1:{{rpcPort}}"

            [meta]
              dir = {{meta}}
              logging-enabled = false

            [data]
              dir = {{data}}
              wal-dir = {{wal}}
              # Every acknowledged write is on disk, so a killed server keeps it.
              wal-fsync-delay = "0s"
              query-log-enabled = false

            [http]
              enabled = true
              bind-address = "127.0.0.1:{{httpPort}}"
              auth-enabled = false
              log-enabled = false
              pprof-enabled = false
              unix-socket-enabled = false
              # The proxy in front bounds the body; influxd takes whatever it forwards.
              max-body-size = 0

            [logging]
              level = "warn"
              suppress-logo = true

            [monitor]
              store-enabled = false

            [continuous_queries]
              enabled = false

            [retention]
              enabled = false

            [shard-precreation]
              enabled = false

            [subscriber]
              enabled = false

            [[graphite]]
              enabled = false

            [[collectd]]
              enabled = false

            [[opentsdb]]
              enabled = false

            [[udp]]
              enabled = false
            """);
    }

    /// <summary>A TOML basic string.</summary>
    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
