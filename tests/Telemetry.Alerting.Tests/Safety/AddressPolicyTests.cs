using System.Net;
using Telemetry.Alerting.Safety;

namespace Telemetry.Alerting.Tests.Safety;

[TestClass]
public sealed class AddressPolicyTests
{
    [TestMethod]
    [DataRow("127.0.0.1")]
    [DataRow("127.255.0.9")]
    [DataRow("10.1.2.3")]
    [DataRow("172.16.0.1")]
    [DataRow("172.31.255.255")]
    [DataRow("192.168.1.10")]
    [DataRow("169.254.10.1")]
    [DataRow("100.64.0.1")]
    [DataRow("100.127.255.254")]
    [DataRow("::1")]
    [DataRow("fc00::1")]
    [DataRow("fd12:3456::1")]
    [DataRow("fe80::1")]
    [DataRow("::ffff:127.0.0.1")]
    [DataRow("::ffff:10.0.0.1")]
    [DataRow("::ffff:169.254.1.1")]
    [DataRow("64:ff9b::a00:1")]
    [DataRow("2002:c0a8:0101::1")]
    public void PrivateAddressesAreRefusedUnlessThePrivateNetworkIsAllowed(string address)
    {
        var ip = IPAddress.Parse(address);

        Assert.IsNotNull(AddressPolicy.Refusal(ip, allowPrivateNetwork: false));
        Assert.IsNull(AddressPolicy.Refusal(ip, allowPrivateNetwork: true));
    }

    [TestMethod]
    [DataRow("169.254.169.254")]
    [DataRow("::ffff:169.254.169.254")]
    [DataRow("fd00:ec2::254")]
    [DataRow("0.0.0.0")]
    [DataRow("0.1.2.3")]
    [DataRow("::")]
    [DataRow("224.0.0.1")]
    [DataRow("239.255.255.250")]
    [DataRow("255.255.255.255")]
    [DataRow("ff02::1")]
    [DataRow("192.0.2.1")]
    [DataRow("2001:db8::1")]
    public void MetadataUnspecifiedMulticastAndReservedAddressesAreAlwaysRefused(string address)
    {
        Assert.IsNotNull(AddressPolicy.Refusal(IPAddress.Parse(address), allowPrivateNetwork: true));
    }

    [TestMethod]
    [DataRow("8.8.8.8")]
    [DataRow("172.32.0.1")]
    [DataRow("100.128.0.1")]
    [DataRow("2606:4700:4700::1111")]
    [DataRow("::ffff:8.8.8.8")]
    public void PublicAddressesAreAllowed(string address)
    {
        Assert.IsNull(AddressPolicy.Refusal(IPAddress.Parse(address), allowPrivateNetwork: false));
    }

    [TestMethod]
    public void TheRefusalSaysWhy()
    {
        Assert.AreEqual("the cloud metadata service", AddressPolicy.Refusal(IPAddress.Parse("169.254.169.254"), false));
        Assert.Contains("loopback, inside the IPv6 address", AddressPolicy.Refusal(IPAddress.Parse("::ffff:127.0.0.1"), false)!);
    }
}
