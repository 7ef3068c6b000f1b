using Microsoft.Extensions.Options;
using Telemetry.Alerting.Safety;
using Telemetry.Alerting.Webhooks;

namespace Telemetry.Alerting.Delivery;

/// <summary>
/// Checks the delivery settings and the endpoints; each problem names its setting, such as
/// <c>Alerting:Webhooks:0:Url</c>. An endpoint URL must pass <see cref="EndpointUrlPolicy"/>.
/// </summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookDeliveryOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, WebhookDeliveryOptions options) => Check(options).Result();

    /// <summary>Throws <see cref="OptionsValidationException"/> naming every bad delivery setting.</summary>
    public static void ThrowIfInvalid(WebhookDeliveryOptions options) => Check(options).ThrowIfAny(typeof(WebhookDeliveryOptions));

    /// <summary>Throws <see cref="OptionsValidationException"/> naming every bad endpoint setting.</summary>
    public static void ThrowIfInvalid(IReadOnlyList<WebhookEndpointOptions> endpoints) => Check(endpoints).ThrowIfAny(typeof(WebhookEndpointOptions));

    internal static OptionsProblems Check(WebhookDeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new OptionsProblems(WebhookDeliveryOptions.SectionName);
        problems.Check(!string.IsNullOrWhiteSpace(options.Directory), "Directory", $"is required: a directory that survives restarts, for pending deliveries");
        problems.Duration(options.BackoffBase, "BackoffBase", TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1));
        problems.Duration(options.BackoffMax, "BackoffMax", options.BackoffBase, TimeSpan.FromDays(1));
        problems.Duration(options.MaxRetryAfter, "MaxRetryAfter", TimeSpan.Zero, TimeSpan.FromDays(1));
        problems.Check(options.MaxAttempts is >= 1 and <= 1000, "MaxAttempts", $"must be between 1 and 1000 (was {options.MaxAttempts})");
        problems.Duration(options.MaxAge, "MaxAge", TimeSpan.FromSeconds(1), TimeSpan.FromDays(30));
        return problems;
    }

    internal static OptionsProblems Check(IReadOnlyList<WebhookEndpointOptions> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var problems = new OptionsProblems(WebhookDeliveryOptions.EndpointsSectionName);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < endpoints.Count; i++)
        {
            var e = endpoints[i];
            problems.Check(!string.IsNullOrWhiteSpace(e.Name), $"{i}:Name", $"is required: the receiver's name");
            problems.Check(e.Name is null || names.Add(e.Name), $"{i}:Name", $"repeats '{e.Name}'; names must be unique");
            var refusal = EndpointUrlPolicy.Refusal(e.Url, e.AllowInsecureHttp, e.AllowPrivateNetwork);
            problems.Check(refusal is null, $"{i}:Url", $"{refusal}");
            problems.Check(SecretLength(e.Secret) is >= 24 and <= 64, $"{i}:Secret",
                $"must be '{WebhookSecret.Prefix}' and base64 of 24 to 64 random bytes, shared with the receiver");
            problems.Duration(e.Timeout, $"{i}:Timeout", TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(5));
            problems.Check(e.MaxConcurrency is >= 1 and <= 256, $"{i}:MaxConcurrency", $"must be between 1 and 256 (was {e.MaxConcurrency})");
        }

        return problems;
    }

    private static int SecretLength(string? secret)
    {
        try
        {
            return secret is null ? 0 : WebhookSecret.Decode(secret).Length;
        }
        catch (FormatException)
        {
            return 0;
        }
    }
}
