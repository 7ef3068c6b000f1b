using Telemetry.Alerting.Safety;

namespace Telemetry.Alerting.Tests.Safety;

[TestClass]
public sealed class EndpointUrlPolicyTests
{
    [TestMethod]
    [DataRow("https://127.0.0.1/hook")]
    [DataRow("https://[::1]/hook")]
    [DataRow("https://[::ffff:127.0.0.1]/hook")]
    [DataRow("https://169.254.169.254/latest/meta-data/")]
    [DataRow("https://2130706433/")]
    [DataRow("https://0x7f000001/")]
    [DataRow("https://0177.0.0.1/")]
    [DataRow("https://127.1/")]
    [DataRow("https://10.0.0.8/hook")]
    public void AnIpAddressOfTheInternalNetworkInAnyFormIsRefused(string url)
    {
        var refusal = EndpointUrlPolicy.Refusal(url, allowInsecureHttp: false, allowPrivateNetwork: false);

        Assert.IsNotNull(refusal);
        Assert.StartsWith("points at", refusal);
    }

    [TestMethod]
    public void TheDecimalFormIsReadAsLoopback()
    {
        Assert.AreEqual("127.0.0.1", new Uri("http://2130706433/").Host);
        Assert.Contains("127.0.0.1, loopback", EndpointUrlPolicy.Refusal("https://2130706433/", false, false)!);
    }

    [TestMethod]
    public void PlainHttpIsRefusedUnlessAllowed()
    {
        Assert.Contains("must use https", EndpointUrlPolicy.Refusal("http://hooks.example.com/alerts", false, false)!);
        Assert.IsNull(EndpointUrlPolicy.Refusal("http://hooks.example.com/alerts", allowInsecureHttp: true, allowPrivateNetwork: false));
        Assert.IsNotNull(EndpointUrlPolicy.Refusal("ftp://hooks.example.com/alerts", true, true));
    }

    [TestMethod]
    public void AllowingThePrivateNetworkAdmitsLoopbackButNeverTheMetadataService()
    {
        Assert.IsNull(EndpointUrlPolicy.Refusal("https://127.0.0.1:8443/hook", false, allowPrivateNetwork: true));
        Assert.IsNotNull(EndpointUrlPolicy.Refusal("https://169.254.169.254/", false, allowPrivateNetwork: true));
    }

    [TestMethod]
    public void APublicHttpsUrlIsAllowedAndCredentialsAreNot()
    {
        Assert.IsNull(EndpointUrlPolicy.Refusal("https://hooks.example.com/alerts", false, false));
        Assert.IsNotNull(EndpointUrlPolicy.Refusal("https://user:pass@hooks.example.com/alerts", false, false));
        Assert.IsNotNull(EndpointUrlPolicy.Refusal("/relative", false, false));
    }
}
