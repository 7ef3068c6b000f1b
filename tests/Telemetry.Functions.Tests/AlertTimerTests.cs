using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Alerting.Webhooks;
using Telemetry.Analytics.Ledger;
using Telemetry.Api;
using Telemetry.Functions.Tests.Support;

namespace Telemetry.Functions.Tests;

/// <summary>
/// The alert timer over a real ledger, delivering to a real webhook receiver on loopback, wired from app settings as
/// the Functions host wires it.
/// </summary>
[TestClass]
public sealed class AlertTimerTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [TestMethod]
    public async Task ACriticalXidWrittenToTheLedgerReachesTheWebhookSigned()
    {
        using var ledger = new TempDirectory();
        using var outbox = new TempDirectory();
        await using var receiver = await WebhookReceiver.StartAsync();
        var start = Support.Windows.MinutesAgo(3);
        new LedgerWriter(ledger.Path).Write(Support.Windows.At(start, xid: 79));
        using var services = Services(ledger, outbox, receiver);
        var timer = new AlertTimer(services.GetRequiredService<LedgerAlertFeed>(), NullLogger<AlertTimer>.Instance);

        await timer.RunAsync(new TimerInfo(), CancellationToken.None);

        var call = Assert.ContainsSingle(receiver.Received);
        Assert.AreEqual("/hook", call.Path);
        Assert.AreEqual(WebhookVerification.Valid, new WebhookVerifier(Secret).Verify(call.Id, call.Timestamp, call.Signature, call.Body));
        var payload = WebhookPayloads.Deserialize(call.Body)!;
        Assert.AreEqual("4", payload.Version);
        Assert.AreEqual("firing", payload.Status);
        Assert.AreEqual("ops", payload.Receiver);
        var alert = Assert.ContainsSingle(payload.Alerts);
        Assert.AreEqual("GpuCriticalXid", alert.Labels["alertname"]);
        Assert.AreEqual("79", alert.Labels["xid"]);
        Assert.AreEqual("node-1", alert.Labels["node"]);
        Assert.AreEqual(start, alert.StartsAt);
    }

    [TestMethod]
    public async Task EachRunReadsOnlyTheWindowsWrittenSinceTheLast()
    {
        using var ledger = new TempDirectory();
        using var outbox = new TempDirectory();
        await using var receiver = await WebhookReceiver.StartAsync();
        var minute = Support.Windows.MinutesAgo(0);
        var writer = new LedgerWriter(ledger.Path);
        writer.Write(Support.Windows.At(minute.AddMinutes(-4)));
        writer.Write(Support.Windows.At(minute.AddMinutes(-3)));
        using var services = Services(ledger, outbox, receiver);
        var feed = services.GetRequiredService<LedgerAlertFeed>();

        var first = await feed.RunAsync(CancellationToken.None);
        var again = await feed.RunAsync(CancellationToken.None);
        writer.Write(Support.Windows.At(minute.AddMinutes(-2)));
        var next = await feed.RunAsync(CancellationToken.None);

        Assert.AreEqual(2, first);
        Assert.AreEqual(0, again);
        Assert.AreEqual(1, next);
        Assert.AreEqual(minute.AddMinutes(-2).ToUnixTimeMilliseconds(), feed.Cursor);
        Assert.IsEmpty(receiver.Received, "healthy windows fire nothing");
    }

    [TestMethod]
    public async Task AWindowWithoutItsFleetRowWaitsUntilALaterOneShowsItComplete()
    {
        using var ledger = new TempDirectory();
        using var outbox = new TempDirectory();
        await using var receiver = await WebhookReceiver.StartAsync();
        var minute = Support.Windows.MinutesAgo(0);
        var writer = new LedgerWriter(ledger.Path);
        writer.Write(Support.Windows.At(minute.AddMinutes(-3), withFleet: false));
        using var services = Services(ledger, outbox, receiver);
        var feed = services.GetRequiredService<LedgerAlertFeed>();

        var halfWritten = await feed.RunAsync(CancellationToken.None);
        var cursor = feed.Cursor;
        writer.Write(Support.Windows.At(minute.AddMinutes(-2)));
        var both = await feed.RunAsync(CancellationToken.None);

        Assert.AreEqual(0, halfWritten);
        Assert.IsNull(cursor);
        Assert.AreEqual(2, both);
        Assert.AreEqual(minute.AddMinutes(-2).ToUnixTimeMilliseconds(), feed.Cursor);
    }

    [TestMethod]
    public async Task TheFirstRunLooksBackOnlyAsFarAsConfigured()
    {
        using var ledger = new TempDirectory();
        using var outbox = new TempDirectory();
        await using var receiver = await WebhookReceiver.StartAsync();
        var writer = new LedgerWriter(ledger.Path);
        writer.Write(Support.Windows.At(Support.Windows.MinutesAgo(90), xid: 79));
        writer.Write(Support.Windows.At(Support.Windows.MinutesAgo(30)));
        using var services = Services(ledger, outbox, receiver);

        var observed = await services.GetRequiredService<LedgerAlertFeed>().RunAsync(CancellationToken.None);

        Assert.AreEqual(1, observed, "the default lookback is an hour");
        Assert.IsEmpty(receiver.Received, "the XID of 90 minutes ago is history, not news");
    }

    [TestMethod]
    public async Task TheAlertsFunctionOfTheSameInstanceListsWhatTheTimerSaw()
    {
        using var ledger = new TempDirectory();
        using var outbox = new TempDirectory();
        await using var receiver = await WebhookReceiver.StartAsync();
        new LedgerWriter(ledger.Path).Write(Support.Windows.At(Support.Windows.MinutesAgo(3), xid: 79));
        using var services = Services(ledger, outbox, receiver);
        var functions = ActivatorUtilities.CreateInstance<ApiFunctions>(services);
        await new AlertTimer(services.GetRequiredService<LedgerAlertFeed>(), NullLogger<AlertTimer>.Instance).RunAsync(new TimerInfo(), CancellationToken.None);
        var context = ApiFunctionsTests.Get("/api/alerts");

        var answer = await ApiFunctionsTests.RunAsync(await functions.AlertsAsync(context.Request, CancellationToken.None), context);

        Assert.IsTrue(answer.Json.GetProperty("enabled").GetBoolean());
        var alert = answer.Json.GetProperty("alerts").EnumerateArray().Single();
        Assert.AreEqual("GpuCriticalXid", alert.GetProperty("labels").GetProperty("alertname").GetString());
        Assert.AreEqual("critical", alert.GetProperty("severity").GetString());
    }

    [TestMethod]
    public async Task WithoutAlertingTheTimerDoesNothing()
    {
        using var ledger = new TempDirectory();
        new LedgerWriter(ledger.Path).Write(Support.Windows.At(Support.Windows.MinutesAgo(3), xid: 79));
        using var services = new ServiceCollection().AddLogging()
            .AddTelemetryFunctions(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Ledger:Directory"] = ledger.Path }).Build())
            .BuildServiceProvider();

        var observed = await services.GetRequiredService<LedgerAlertFeed>().RunAsync(CancellationToken.None);

        Assert.AreEqual(0, observed);
    }

    private static ServiceProvider Services(TempDirectory ledger, TempDirectory outbox, WebhookReceiver receiver) => new ServiceCollection()
        .AddLogging()
        .AddTelemetryFunctions(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ApiServiceCollectionExtensions.LedgerDirectoryKey] = ledger.Path,
            ["Alerting:Delivery:Directory"] = outbox.Path,
            ["Alerting:Routing:GroupWait"] = "00:00:00",
            ["Alerting:Webhooks:0:Name"] = "ops",
            ["Alerting:Webhooks:0:Url"] = new Uri(receiver.Url, "hook").AbsoluteUri,
            ["Alerting:Webhooks:0:Secret"] = Secret,
            ["Alerting:Webhooks:0:AllowInsecureHttp"] = "true",
            ["Alerting:Webhooks:0:AllowPrivateNetwork"] = "true",
        }).Build())
        .BuildServiceProvider();
}
