using System.Reflection;
using System.Runtime.InteropServices;

namespace Telemetry.Kafka.Native;

/// <summary>
/// Makes sure the mock-cluster P/Invokes bind to the very librdkafka that Confluent.Kafka loaded. Confluent.Kafka picks
/// the package's build that loads on this system (on Debian and Ubuntu its <c>centos8-librdkafka.so</c>, since the
/// default build needs <c>libsasl2.so.3</c>); this class finds that file among the process's mapped libraries and
/// resolves <see cref="Name"/> to it.
/// </summary>
public static class RdKafkaLibrary
{
    internal const string Name = "librdkafka";
    private static readonly Lock Gate = new();
    private static string? _path;
    private static IntPtr _handle;

    /// <summary>The path of the loaded library, after <see cref="EnsureLoaded"/>.</summary>
    public static string? LoadedPath => _path;

    /// <summary>Lets Confluent.Kafka load librdkafka, then binds this assembly's P/Invokes to the same file; returns its path.</summary>
    /// <exception cref="DllNotFoundException">librdkafka could not be loaded; the message says what was tried.</exception>
    public static string EnsureLoaded()
    {
        lock (Gate)
        {
            if (_path is not null)
            {
                return _path;
            }

            try
            {
                _ = Confluent.Kafka.Library.Version;
            }
            catch (Exception e) when (e is DllNotFoundException or InvalidOperationException or BadImageFormatException)
            {
                throw new DllNotFoundException("Confluent.Kafka could not load librdkafka: " + e.Message, e);
            }

            var path = MappedLibrdkafka() ?? Candidates().FirstOrDefault(c => File.Exists(c) && NativeLibrary.TryLoad(c, out _))
                ?? throw new DllNotFoundException("librdkafka is loaded but its file could not be found among: " + string.Join(", ", Candidates()));
            _handle = NativeLibrary.Load(path);
            NativeLibrary.SetDllImportResolver(typeof(RdKafkaLibrary).Assembly, Resolve);
            _path = path;
            return path;
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == Name ? _handle : IntPtr.Zero;

    /// <summary>The librdkafka file mapped into this process, from <c>/proc/self/maps</c> (Linux).</summary>
    private static string? MappedLibrdkafka()
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps))
        {
            return null;
        }

        foreach (var line in File.ReadLines(maps))
        {
            var slash = line.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0 && line.Contains("librdkafka", StringComparison.Ordinal))
            {
                return line[slash..].Trim();
            }
        }

        return null;
    }

    private static IEnumerable<string> Candidates()
    {
        var baseDir = AppContext.BaseDirectory;
        var arch = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "arm64" : "x64";
        if (OperatingSystem.IsLinux())
        {
            var native = Path.Combine(baseDir, "runtimes", "linux-" + arch, "native");
            yield return Path.Combine(native, "librdkafka.so");
            yield return Path.Combine(native, "centos8-librdkafka.so");
            yield return Path.Combine(native, "alpine-librdkafka.so");
        }
        else if (OperatingSystem.IsMacOS())
        {
            yield return Path.Combine(baseDir, "runtimes", "osx-" + arch, "native", "librdkafka.dylib");
        }
        else if (OperatingSystem.IsWindows())
        {
            yield return Path.Combine(baseDir, "runtimes", "win-" + arch, "native", "librdkafka.dll");
        }
    }
}
