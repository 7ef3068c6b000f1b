using System.Text.Json;
using System.Text.Json.Serialization;

namespace Telemetry.Analytics.Influx;

/// <summary>One point the server would not take, as kept in the dead-letter file.</summary>
/// <param name="At">When it was set aside.</param>
/// <param name="Window">Start of its window.</param>
/// <param name="Status">The HTTP status the server answered (400), or null when the point was refused before sending.</param>
/// <param name="Reason">Why: the server's message, or the problem found.</param>
/// <param name="Line">The point in line protocol, when it could be made.</param>
public sealed record DeadLetterEntry(DateTimeOffset At, DateTimeOffset Window, int? Status, string Reason, string? Line);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeadLetterEntry))]
internal sealed partial class DeadLetterJsonContext : JsonSerializerContext;

/// <summary>
/// The dead-letter file: points the server rejected as malformed, appended one JSON object per line and flushed to
/// disk before the sink moves on, so that an operator can see why and write them again once the cause is fixed.
/// </summary>
public sealed class InfluxDeadLetter(string path)
{
    private readonly Lock _lock = new();

    /// <summary>The file's path.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Appends entries and flushes them to disk.</summary>
    public void Append(IEnumerable<DeadLetterEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_lock)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            foreach (var entry in entries)
            {
                JsonSerializer.Serialize(stream, entry, DeadLetterJsonContext.Default.DeadLetterEntry);
                stream.WriteByte((byte)'\n');
            }

            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>Reads every entry back (for tests and tools).</summary>
    public IReadOnlyList<DeadLetterEntry> Read() =>
        File.Exists(Path)
            ? [.. File.ReadLines(Path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize(l, DeadLetterJsonContext.Default.DeadLetterEntry)!)]
            : [];
}
