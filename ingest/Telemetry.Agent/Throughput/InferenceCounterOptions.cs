namespace Telemetry.Agent.Throughput;

/// <summary>An inference server whose token counter the agent scrapes for one job.</summary>
public sealed class InferenceCounterOptions
{
    /// <summary>The server's metrics page, e.g. <c>http://127.0.0.1:8000/metrics</c> for vLLM.</summary>
    public Uri Url { get; set; } = new("http://127.0.0.1:8000/metrics");

    /// <summary>The counter, summed over its series. Default vLLM's <c>vllm:generation_tokens_total</c>.</summary>
    public string Metric { get; set; } = "vllm:generation_tokens_total";

    /// <summary>The job the tokens are charged to.</summary>
    public string JobId { get; set; } = "";

    /// <summary>What the counter counts: tokens or samples.</summary>
    public string Unit { get; set; } = "tokens";

    /// <summary>How long one scrape may take. Default 5 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws with a message naming the setting when a value is unusable.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(JobId))
        {
            throw new ArgumentException("InferenceCounter:JobId is empty: name the job the server's tokens belong to.", nameof(JobId));
        }

        if (string.IsNullOrWhiteSpace(Metric))
        {
            throw new ArgumentException("InferenceCounter:Metric is empty.", nameof(Metric));
        }

        if (Unit is not ("tokens" or "samples"))
        {
            throw new ArgumentException($"InferenceCounter:Unit '{Unit}' must be 'tokens' or 'samples'.", nameof(Unit));
        }

        if (Url.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"InferenceCounter:Url '{Url}' must be http or https.", nameof(Url));
        }
    }
}
