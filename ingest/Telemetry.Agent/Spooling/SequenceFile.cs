using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Telemetry.Agent.Spooling;

/// <summary>
/// The last sequence number the agent gave out on each topic, kept beside the spool so that a restarted agent goes on
/// counting instead of starting again at 1 (which the aggregator would take for duplicates). One line per topic:
/// <c>topic seq</c>. Rewritten whole on every number, flushed to the device when the agent stops. A write that fails is
/// logged, never fatal.
/// </summary>
internal sealed class SequenceFile
{
    public const string FileName = "sequences";

    private readonly string _path;
    private readonly Dictionary<string, long> _last;
    private readonly ILogger _logger;

    private SequenceFile(string path, Dictionary<string, long> last, ILogger logger)
    {
        _path = path;
        _last = last;
        _logger = logger;
    }

    /// <summary>
    /// Reads the file in <paramref name="directory"/> (a missing or damaged one holds no numbers), raised to the highest
    /// numbers found in the spool, which a crash may have left ahead of the file.
    /// </summary>
    public static SequenceFile Open(string directory, IReadOnlyDictionary<string, long> spooled, ILogger logger)
    {
        var path = Path.Combine(directory, FileName);
        var content = AtomicFile.Read(path);
        var last = content is null ? new(StringComparer.Ordinal) : Parse(Encoding.UTF8.GetString(content));
        foreach (var (topic, seq) in spooled)
        {
            last[topic] = Math.Max(last.GetValueOrDefault(topic), seq);
        }

        return new SequenceFile(path, last, logger);
    }

    /// <summary>The last number on <paramref name="topic"/>; 0 when none.</summary>
    public long Last(string topic) => _last.GetValueOrDefault(topic);

    /// <summary>Records a number given out.</summary>
    public void Remember(string topic, long seq)
    {
        _last[topic] = seq;
        Save(sync: false);
    }

    /// <summary>Writes the file; with <paramref name="sync"/> it is on the device when this returns.</summary>
    public void Save(bool sync)
    {
        var text = new StringBuilder();
        foreach (var (topic, seq) in _last)
        {
            text.Append(topic).Append(' ').Append(seq.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        try
        {
            AtomicFile.Write(_path, Encoding.UTF8.GetBytes(text.ToString()), sync);
        }
        catch (IOException e)
        {
            Log.SpoolIoFailed(_logger, _path, "write the last sequence numbers", e);
        }
    }

    private static Dictionary<string, long> Parse(string text)
    {
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
            {
                return new Dictionary<string, long>(StringComparer.Ordinal);
            }

            last[parts[0]] = seq;
        }

        return last;
    }
}
