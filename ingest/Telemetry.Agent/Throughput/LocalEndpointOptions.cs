namespace Telemetry.Agent.Throughput;

/// <summary>Settings of the agent's local HTTP endpoint.</summary>
public sealed class LocalEndpointOptions
{
    /// <summary>Where it listens. Default <c>http://127.0.0.1:9410</c>: loopback only, for jobs and scripts on the node.</summary>
    public string Url { get; set; } = "http://127.0.0.1:9410";

    /// <summary>Largest request body. Default 64 KiB.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>Throws with a message naming the setting when a value is unusable.</summary>
    public void Validate()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"Agent:Listen '{Url}' is not an http:// URL such as http://127.0.0.1:9410.", nameof(Url));
        }

        if (MaxRequestBytes is < 1024 or > 16 * 1024 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRequestBytes), MaxRequestBytes, "Agent:MaxRequestBytes must be between 1 KiB and 16 MiB.");
        }
    }
}
