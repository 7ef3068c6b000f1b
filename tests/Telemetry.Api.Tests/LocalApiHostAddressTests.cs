using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Telemetry.Api.Tests.Support;

namespace Telemetry.Api.Tests;

/// <summary>The local host's bind address: loopback by default, another one on request, with a warning that says what that exposes.</summary>
[TestClass]
public sealed class LocalApiHostAddressTests
{
    [TestMethod]
    public async Task BoundToEveryAddressItAnswersProbesAndWarnsThatItHasNoAuthentication()
    {
        using var apis = new Apis();
        using var logs = new FakeLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));

        await using var host = await LocalApiHost.StartAsync(apis.Open(), 0, new LocalApiHostOptions { Address = IPAddress.Any, Loggers = loggers }, CancellationToken.None);
        using var http = new HttpClient();
        var port = new Uri(host.Url).Port;
        using var healthz = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
        using var readyz = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/readyz"));

        Assert.AreEqual("0.0.0.0", new Uri(host.Url).Host);
        Assert.AreEqual(HttpStatusCode.OK, healthz.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, readyz.StatusCode);
        var warning = logs.Collector.GetSnapshot().Single(r => r.Level == LogLevel.Warning);
        StringAssert.Contains(warning.Message, host.Url);
        StringAssert.Contains(warning.Message, "no authentication of their own");
    }

    [TestMethod]
    public async Task OnLoopbackByDefaultItWarnsOfNothing()
    {
        using var apis = new Apis();
        using var logs = new FakeLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));

        await using var host = await LocalApiHost.StartAsync(apis.Open(), 0, loggers, CancellationToken.None);

        Assert.AreEqual("127.0.0.1", new Uri(host.Url).Host);
        Assert.IsFalse(logs.Collector.GetSnapshot().Any(r => r.Level >= LogLevel.Warning), string.Join(Environment.NewLine, logs.Collector.GetSnapshot().Select(r => r.Message)));
    }
}
