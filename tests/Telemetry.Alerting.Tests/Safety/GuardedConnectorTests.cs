using System.Net;
using Telemetry.Alerting.Safety;
using Telemetry.Alerting.Tests.Support;

namespace Telemetry.Alerting.Tests.Safety;

/// <summary>The connect-time check against a real listener on loopback: refused before a byte is sent, unless allowed.</summary>
[TestClass]
public sealed class GuardedConnectorTests
{
    /// <summary>Answers every name with fixed addresses: a DNS name rebound to an internal address.</summary>
    private sealed class FixedResolver(params IPAddress[] addresses) : IHostResolver
    {
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) => Task.FromResult(addresses);
    }

    private static async Task<HttpResponseMessage> PostAsync(GuardedConnector connector, string url)
    {
        using var client = new HttpClient(connector.CreateHandler(TimeSpan.FromSeconds(5)));
        return await client.PostAsync(new Uri(url), new StringContent("{}"));
    }

    [TestMethod]
    [DataRow("http://127.0.0.1:{0}/hook")]
    [DataRow("http://[::ffff:127.0.0.1]:{0}/hook")]
    [DataRow("http://2130706433:{0}/hook")]
    [DataRow("http://localhost:{0}/hook")]
    public async Task LoopbackIsRefusedAtConnectTime(string template)
    {
        await using var receiver = await TestReceiver.StartAsync();
        var connector = new GuardedConnector(allowPrivateNetwork: false, new DnsHostResolver());

        var error = await Assert.ThrowsExactlyAsync<HttpRequestException>(() => PostAsync(connector, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, receiver.Port)));

        Assert.IsInstanceOfType<EndpointRefusedException>(error.InnerException);
        Assert.Contains("loopback", error.InnerException.Message);
        Assert.IsEmpty(receiver.Requests);
    }

    [TestMethod]
    public async Task ANameThatResolvesToAnInternalAddressIsRefused()
    {
        await using var receiver = await TestReceiver.StartAsync();
        var connector = new GuardedConnector(allowPrivateNetwork: false, new FixedResolver(IPAddress.Loopback));

        var error = await Assert.ThrowsExactlyAsync<HttpRequestException>(() => PostAsync(connector, $"http://hooks.example.test:{receiver.Port}/hook"));

        Assert.IsInstanceOfType<EndpointRefusedException>(error.InnerException);
        Assert.Contains("'hooks.example.test' resolves to 127.0.0.1, loopback", error.InnerException.Message);
        Assert.IsEmpty(receiver.Requests);
    }

    [TestMethod]
    public async Task WhenThePrivateNetworkIsAllowedItConnectsToTheAddressItChecked()
    {
        await using var receiver = await TestReceiver.StartAsync();
        var connector = new GuardedConnector(allowPrivateNetwork: true, new FixedResolver(IPAddress.Loopback));

        using var response = await PostAsync(connector, $"http://hooks.example.test:{receiver.Port}/hook");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("/hook", Assert.ContainsSingle(receiver.Requests).Path);
    }
}
