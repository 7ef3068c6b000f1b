using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Alerting.Delivery;
using Telemetry.Alerting.Routing;
using Telemetry.Alerting.Tests.Support;
using Telemetry.Alerting.Tests.Webhooks;
using Telemetry.Alerting.Webhooks;

namespace Telemetry.Alerting.Tests.Delivery;

/// <summary>Outboxes over a temporary directory, posting to local receivers with millisecond backoff.</summary>
internal static class OutboxHarness
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    public static WebhookEndpointOptions Endpoint(TestReceiver receiver, string path = "hook", TimeSpan? timeout = null, int concurrency = 4) => new()
    {
        Name = "ops",
        Url = new Uri(receiver.Url, path).AbsoluteUri,
        Secret = Secret,
        AllowInsecureHttp = true,
        AllowPrivateNetwork = true,
        Timeout = timeout ?? TimeSpan.FromSeconds(5),
        MaxConcurrency = concurrency,
    };

    public static WebhookDeliveryOptions Settings(TempDirectory directory, int maxAttempts = 10) => new()
    {
        Directory = directory.Path,
        BackoffBase = TimeSpan.FromMilliseconds(10),
        BackoffMax = TimeSpan.FromMilliseconds(50),
        MaxAttempts = maxAttempts,
    };

    public static WebhookOutbox Create(WebhookDeliveryOptions delivery, params WebhookEndpointOptions[] endpoints) =>
        new(delivery, endpoints, TimeProvider.System, NullLogger<WebhookOutbox>.Instance);

    public static AlertNotification Notification() => WebhookPayloadTests.ExampleNotification();

    /// <summary>Delivers until nothing is pending, waiting for each retry's time; gives up after <paramref name="limit"/>.</summary>
    public static async Task DrainAsync(WebhookOutbox outbox, TimeSpan? limit = null)
    {
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(20));
        while (outbox.PendingCount > 0)
        {
            await outbox.DeliverDueAsync(timeout.Token);
            if (outbox.NextAttemptAt is { } next)
            {
                var wait = next - DateTimeOffset.UtcNow;
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), timeout.Token);
            }
        }
    }

    /// <summary>The receiver's check of a request, with its clock.</summary>
    public static WebhookVerification Verify(ReceivedRequest request) =>
        new WebhookVerifier(Secret).Verify(request.Id, request.Timestamp, request.Signature, request.Body);

    public static string[] PendingFiles(TempDirectory directory) => Directory.GetFiles(directory.Path, "*.json");

    public static string[] FailedFiles(TempDirectory directory) => Directory.GetFiles(Path.Combine(directory.Path, "failed"), "*.json");

    public static string Text(byte[] body) => Encoding.UTF8.GetString(body);
}
