namespace Telemetry.Agent.Simulation;

/// <summary>Stateless, seeded noise: the same inputs give the same value on every run and platform.</summary>
internal static class Noise
{
    /// <summary>A value in [-1, 1) from a hash of the inputs.</summary>
    public static double Signed(ulong seed, int gpu, long second, int channel) => (Unit(seed, gpu, second, channel) * 2) - 1;

    /// <summary>A value in [0, 1) from a hash of the inputs.</summary>
    public static double Unit(ulong seed, int gpu, long second, int channel)
    {
        var x = seed ^ ((ulong)(uint)gpu << 40) ^ ((ulong)second * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)channel << 20);
        return (Mix(x) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>SplitMix64's finaliser.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
