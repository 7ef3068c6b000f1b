namespace Telemetry.Alerting.Delivery;

/// <summary>One webhook receiver, an entry of <c>Alerting:Webhooks</c>. Every notification goes to every endpoint.</summary>
public sealed class WebhookEndpointOptions
{
    /// <summary>The endpoint's name: the payload's <c>receiver</c>, and how logs and the outbox refer to it. Required, unique.</summary>
    public string? Name { get; set; }

    /// <summary>Where to POST: an absolute https URL. Required.</summary>
    public string? Url { get; set; }

    /// <summary>The signing secret, <c>whsec_</c> and base64 of 24 to 64 random bytes, shared with the receiver. Required.</summary>
    public string? Secret { get; set; }

    /// <summary>Allows a plain http URL. For local development only. Default false.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// Allows loopback, private, link-local, CGNAT and unique-local addresses. For local development only: otherwise a
    /// webhook URL could reach internal services. Default false.
    /// </summary>
    public bool AllowPrivateNetwork { get; set; }

    /// <summary>How long one attempt may take, connecting included, before it counts as timed out (and is retried). Default 10 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most calls in flight to this endpoint at once. Default 4.</summary>
    public int MaxConcurrency { get; set; } = 4;
}
