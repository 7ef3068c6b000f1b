using System.Reflection;
using System.Runtime.InteropServices;

namespace Telemetry.Kafka.Native;

/// <summary>
/// Loads the one librdkafka build that both Confluent.Kafka and the mock-cluster P/Invokes use. On glibc Linux the
/// package's default <c>librdkafka.so</c> needs <c>libsasl2.so.3</c>, which Debian and Ubuntu lack; its
/// <c>centos8-librdkafka.so</c> build loads there. <c>TELEMETRY_LIBRDKAFKA_PATH</c> overrides the choice.
/// </summary>
public static class RdKafkaLibrary
{
    internal const string Name = "librdkafka";
    private static readonly Lock Gate = new();
    private static string? _path;
    private static IntPtr _handle;

    /// <summary>The path of the loaded library, after <see cref="EnsureLoaded"/>.</summary>
    public static string? LoadedPath => _path;

    /// <summary>Loads librdkafka once for the process and hands it to Confluent.Kafka; returns its path.</summary>
    /// <exception cref="DllNotFoundException">No candidate could be loaded; the message lists what was tried.</exception>
    public static string EnsureLoaded()
    {
        lock (Gate)
        {
            if (_path is not null)
            {
                return _path;
            }

            var tried = new List<string>();
            foreach (var candidate in Candidates())
            {
                if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
                {
                    Confluent.Kafka.Library.Load(candidate);
                    NativeLibrary.SetDllImportResolver(typeof(RdKafkaLibrary).Assembly, Resolve);
                    _handle = handle;
                    _path = candidate;
                    return candidate;
                }

                tried.Add(candidate);
            }

            throw new DllNotFoundException(
                "Could not load librdkafka. Tried: " + string.Join(", ", tried) +
                ". Set TELEMETRY_LIBRDKAFKA_PATH to a librdkafka.so whose dependencies are installed.");
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == Name ? _handle : IntPtr.Zero;

    private static IEnumerable<string> Candidates()
    {
        if (Environment.GetEnvironmentVariable("TELEMETRY_LIBRDKAFKA_PATH") is { Length: > 0 } overridden)
        {
            yield return overridden;
        }

        var baseDir = AppContext.BaseDirectory;
        if (OperatingSystem.IsLinux())
        {
            var rid = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";
            var native = Path.Combine(baseDir, "runtimes", rid, "native");
            yield return Path.Combine(native, "librdkafka.so");
            yield return Path.Combine(native, "centos8-librdkafka.so");
            yield return Path.Combine(native, "alpine-librdkafka.so");
            yield return Path.Combine(baseDir, "librdkafka.so");
        }
        else if (OperatingSystem.IsMacOS())
        {
            yield return Path.Combine(baseDir, "runtimes", RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "osx-arm64" : "osx-x64", "native", "librdkafka.dylib");
        }
        else if (OperatingSystem.IsWindows())
        {
            yield return Path.Combine(baseDir, "runtimes", "win-x64", "native", "librdkafka.dll");
        }
    }
}
