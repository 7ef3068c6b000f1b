namespace Telemetry.Alerting.Delivery;

/// <summary>Where the outbox keeps pending deliveries and how it retries them; bound from <c>Alerting:Delivery</c>.</summary>
public sealed class WebhookDeliveryOptions
{
    /// <summary>The configuration section the delivery settings are bound from.</summary>
    public const string SectionName = "Alerting:Delivery";

    /// <summary>The configuration section the endpoints are bound from (a list of <see cref="WebhookEndpointOptions"/>).</summary>
    public const string EndpointsSectionName = "Alerting:Webhooks";

    /// <summary>
    /// The outbox directory: one JSON file per pending delivery, and <c>failed/</c> for those given up on. It must
    /// survive restarts (not a temporary directory). Required.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>The first retry's delay; each further one doubles it, with jitter. Default 10 seconds.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest delay between attempts from backoff. Default 10 minutes.</summary>
    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest Retry-After honoured; a longer one is cut to it. Default 1 hour.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts after which a delivery is given up on. Default 50.</summary>
    public int MaxAttempts { get; set; } = 50;

    /// <summary>Age after which a delivery is given up on, however few its attempts. Default 24 hours.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(24);
}
