using System.Text;
using Telemetry.Contract.Samples;

namespace Telemetry.Analytics.Gpus;

/// <summary>Gives every GPU (or MIG instance) seen a dense slot number and keeps its track. Not thread-safe.</summary>
internal sealed class GpuRegistry(IReadOnlyList<GpuModelPeak> peaks)
{
    private readonly Dictionary<string, GpuTrack> _byKey = new(StringComparer.Ordinal);
    private readonly List<GpuTrack> _tracks = [];

    public GpuRegistry() : this(GpuModelPeaks.Default) { }

    public int Count => _tracks.Count;

    public GpuTrack this[int slot] => _tracks[slot];

    public IReadOnlyList<GpuTrack> All => _tracks;

    /// <summary>The track of the GPU in this row, created on first sight.</summary>
    public GpuTrack Resolve(SampleBatch batch, int row)
    {
        var uuid = batch.GpuUuid.GetBytes(row);
        var mig = batch.MigInstance is { } m && m.IsValid(row) ? m.Values[row] : -1;
        Span<char> key = stackalloc char[Math.Min(256, Encoding.UTF8.GetMaxCharCount(uuid.Length) + 12)];
        var length = Encoding.UTF8.GetChars(uuid[..Math.Min(uuid.Length, 200)], key);
        if (mig >= 0)
        {
            key[length++] = '/';
            mig.TryFormat(key[length..], out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
            length += written;
        }

        var lookup = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(key[..length], out var track))
        {
            return track;
        }

        var identity = batch.Identity(row);
        track = new GpuTrack(_tracks.Count, identity, GpuModelPeaks.Find(identity.Model, peaks));
        _tracks.Add(track);
        _byKey.Add(key[..length].ToString(), track);
        return track;
    }

    /// <summary>The track of a GPU by UUID, or null.</summary>
    public GpuTrack? Find(string uuid) => _byKey.GetValueOrDefault(uuid);
}
