using System.Net;
using System.Net.Sockets;

namespace Telemetry.Alerting.Safety;

/// <summary>
/// Which IP addresses a webhook may connect to. Public unicast addresses always; loopback, private, link-local,
/// shared (CGNAT) and unique-local ones only where the endpoint allows its private network; never unspecified,
/// multicast, broadcast, reserved or documentation addresses, nor a cloud metadata service. IPv4 addresses inside IPv6
/// ones (mapped, compatible, NAT64, 6to4) are judged as the IPv4 address they carry.
/// </summary>
public static class AddressPolicy
{
    private static readonly (IPAddress Network, int Prefix, string Why)[] PrivateRanges =
    [
        (IPAddress.Parse("127.0.0.0"), 8, "loopback"),
        (IPAddress.Parse("10.0.0.0"), 8, "private (RFC 1918)"),
        (IPAddress.Parse("172.16.0.0"), 12, "private (RFC 1918)"),
        (IPAddress.Parse("192.168.0.0"), 16, "private (RFC 1918)"),
        (IPAddress.Parse("169.254.0.0"), 16, "link-local"),
        (IPAddress.Parse("100.64.0.0"), 10, "shared address space (CGNAT, RFC 6598)"),
        (IPAddress.Parse("::1"), 128, "loopback"),
        (IPAddress.Parse("fc00::"), 7, "unique local (fc00::/7)"),
        (IPAddress.Parse("fe80::"), 10, "link-local"),
        (IPAddress.Parse("fec0::"), 10, "site-local (deprecated)"),
    ];

    private static readonly (IPAddress Network, int Prefix, string Why)[] NeverRanges =
    [
        (IPAddress.Parse("169.254.169.254"), 32, "the cloud metadata service"),
        (IPAddress.Parse("fd00:ec2::254"), 128, "the cloud metadata service"),
        (IPAddress.Parse("0.0.0.0"), 8, "unspecified ('this network')"),
        (IPAddress.Parse("192.0.0.0"), 24, "IETF protocol assignments"),
        (IPAddress.Parse("192.0.2.0"), 24, "documentation"),
        (IPAddress.Parse("198.18.0.0"), 15, "benchmarking"),
        (IPAddress.Parse("198.51.100.0"), 24, "documentation"),
        (IPAddress.Parse("203.0.113.0"), 24, "documentation"),
        (IPAddress.Parse("224.0.0.0"), 4, "multicast"),
        (IPAddress.Parse("240.0.0.0"), 4, "reserved or broadcast"),
        (IPAddress.Parse("::"), 128, "unspecified"),
        (IPAddress.Parse("ff00::"), 8, "multicast"),
        (IPAddress.Parse("100::"), 64, "discard-only"),
        (IPAddress.Parse("2001:db8::"), 32, "documentation"),
    ];

    private static readonly (IPAddress Network, int Prefix, int V4Offset)[] Embedding =
    [
        (IPAddress.Parse("::ffff:0:0"), 96, 12),
        (IPAddress.Parse("64:ff9b::"), 96, 12),
        (IPAddress.Parse("2002::"), 16, 2),
        (IPAddress.Parse("::"), 96, 12),
    ];

    /// <summary>Why a webhook may not connect to an address, or null when it may.</summary>
    /// <param name="address">The address about to be connected to.</param>
    /// <param name="allowPrivateNetwork">Whether the endpoint allows loopback and private addresses (local development).</param>
    public static string? Refusal(IPAddress address, bool allowPrivateNetwork)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (Embedded(address) is { } v4)
        {
            return Refusal(v4, allowPrivateNetwork) is { } why ? $"{why}, inside the IPv6 address {address}" : null;
        }

        if (Match(address, NeverRanges) is { } never)
        {
            return never;
        }

        return allowPrivateNetwork ? null : Match(address, PrivateRanges);
    }

    /// <summary>The IPv4 address carried inside an IPv6 one (mapped, compatible, NAT64, 6to4), or null.</summary>
    internal static IPAddress? Embedded(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        foreach (var (network, prefix, offset) in Embedding)
        {
            // :: and ::1 are themselves, not IPv4-compatible forms of 0.0.0.0 and 0.0.0.1.
            if (InRange(address, network, prefix) && !(prefix == 96 && network.Equals(IPAddress.IPv6Any) && IsUnspecifiedOrLoopback(address)))
            {
                return new IPAddress(address.GetAddressBytes().AsSpan(offset, 4));
            }
        }

        return null;
    }

    private static bool IsUnspecifiedOrLoopback(IPAddress address) =>
        address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback);

    private static string? Match(IPAddress address, (IPAddress Network, int Prefix, string Why)[] ranges)
    {
        foreach (var (network, prefix, why) in ranges)
        {
            if (InRange(address, network, prefix))
            {
                return why;
            }
        }

        return null;
    }

    private static bool InRange(IPAddress address, IPAddress network, int prefix)
    {
        if (address.AddressFamily != network.AddressFamily)
        {
            return false;
        }

        Span<byte> a = stackalloc byte[16];
        Span<byte> n = stackalloc byte[16];
        address.TryWriteBytes(a, out var length);
        network.TryWriteBytes(n, out _);
        for (var bit = 0; bit < prefix && bit < length * 8; bit += 8)
        {
            var bits = Math.Min(8, prefix - bit);
            var mask = (byte)(0xFF << (8 - bits));
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
