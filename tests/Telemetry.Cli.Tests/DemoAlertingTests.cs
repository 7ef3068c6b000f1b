using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Alerting.Webhooks;
using Telemetry.Cli.Demo;

namespace Telemetry.Cli.Tests;

/// <summary>
/// A simulated hour with a webhook configured to a real HTTP listener on loopback: the aggregator's alert rules fire on
/// the simulator's scripted episodes, and the receiver gets signed Alertmanager-format notifications.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class DemoAlertingTests
{
    [TestMethod]
    public async Task TheSimulatedEpisodesReachAWebhookSignedInAlertmanagerFormat()
    {
        var directory = Path.Combine(Path.GetTempPath(), "telemetry-alerting-e2e-" + Guid.NewGuid().ToString("N"));
        var secret = WebhookSecret.Generate();
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = new ConcurrentQueue<(string Body, WebhookVerification Signature)>();
        var verifier = new WebhookVerifier(secret);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var receiving = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var context = await listener.GetContextAsync().WaitAsync(stop.Token);
                using var reader = new StreamReader(context.Request.InputStream);
                var body = await reader.ReadToEndAsync(stop.Token);
                var headers = context.Request.Headers;
                received.Enqueue((body, verifier.Verify(headers["webhook-id"], headers["webhook-timestamp"], headers["webhook-signature"], System.Text.Encoding.UTF8.GetBytes(body))));
                context.Response.StatusCode = 204;
                context.Response.Close();
            }
        });
        var diagnostics = "";
        try
        {
            Directory.CreateDirectory(directory);
            var config = Path.Combine(directory, "settings.json");
            await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
            {
                Alerting = new
                {
                    Routing = new { GroupWait = "00:00:00", GroupInterval = "00:00:01" },
                    Delivery = new { BackoffBase = "00:00:00.100" },
                    Webhooks = new[] { new { Name = "test", Url = $"http://127.0.0.1:{port}/hook", Secret = secret, AllowInsecureHttp = true, AllowPrivateNetwork = true } },
                },
            }));
            var analytics = AnalyticsConfiguration.Load(config);
            var ledger = Path.Combine(directory, "ledger");
            await using (var alerting = AlertingHost.Create(analytics, ledger, NullLoggerFactory.Instance, null))
            {
                await new DemoPipeline(NullLoggerFactory.Instance, TimeProvider.System).RunAsync(new DemoOptions
                {
                    Nodes = 4,
                    Duration = TimeSpan.FromHours(1),
                    // Paced, so that the agents cannot outrun the consumer by more than the mock cluster keeps.
                    Speed = 600,
                    Seed = 3,
                    Start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero),
                    LedgerDirectory = ledger,
                    Partitions = 4,
                    Analytics = analytics,
                    Alerting = alerting,
                }, null, stop.Token);
                Assert.AreEqual(1, alerting.Webhooks);
                diagnostics = $"open {alerting.Pipeline.Open.Count}, enqueued {alerting.Pipeline.Deliveries.Enqueued}, delivered {alerting.Pipeline.Deliveries.Delivered}, retried {alerting.Pipeline.Deliveries.Retried}, failed {alerting.Pipeline.Deliveries.FailedPermanently}";
            }

            Assert.IsNotEmpty(received, "notifications were delivered: " + diagnostics);
            Assert.IsTrue(received.All(r => r.Signature == WebhookVerification.Valid), "every delivery is signed with the endpoint's secret");
            var payloads = received.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
            Assert.IsTrue(payloads.All(p => p.GetProperty("version").GetString() == "4" && p.TryGetProperty("groupKey", out _)));
            var names = payloads.SelectMany(p => p.GetProperty("alerts").EnumerateArray()).Select(a => a.GetProperty("labels").GetProperty("alertname").GetString()).ToHashSet();
            Assert.IsTrue(names.Count > 0, string.Join(", ", names));
            Assert.Contains("GpuZombieMemory", names, "the simulator's zombie process: " + string.Join(", ", names));
        }
        finally
        {
            await stop.CancelAsync();
            listener.Stop();
            await Task.WhenAny(receiving, Task.Delay(1000));
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
