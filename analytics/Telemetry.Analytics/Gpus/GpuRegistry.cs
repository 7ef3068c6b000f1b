using System.Text;
using Telemetry.Analytics.Aggregation;
using Telemetry.Contract.Samples;

namespace Telemetry.Analytics.Gpus;

/// <summary>Gives every GPU (or MIG instance) seen a dense slot number and keeps its track. Not thread-safe.</summary>
internal sealed class GpuRegistry(IReadOnlyList<GpuModelPeak> peaks)
{
    private readonly Dictionary<string, int> _byKey = new(StringComparer.Ordinal);

    // Tracks by slot, in pages of 1,024 (about 200 KB) added as GPUs arrive: a fleet seen for the first time neither
    // copies its tracks into ever larger arrays nor allocates an object per GPU.
    private SlotPages<GpuTrack> _tracks = new([]);
    private int _count;

    // Node names and models, one string each, shared by their GPUs' identities: a node has several GPUs, a fleet a
    // handful of models. Only strings of GPUs tracked are kept.
    private readonly SharedNames _nodes = new();
    private readonly SharedNames _models = new();

    // A fleet has a handful of models: each product name is matched against the peaks table once.
    private readonly Dictionary<string, GpuModelPeak?> _peaks = new(StringComparer.Ordinal);
    private string? _lastModel;
    private GpuModelPeak? _lastPeak;
    private int[] _ranks = [];
    private int[] _order = [];

    public GpuRegistry() : this(GpuModelPeaks.Default) { }

    public int Count => _count;

    /// <summary>The track of the GPU in this slot, in place.</summary>
    public ref GpuTrack this[int slot]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)slot, (uint)_count, nameof(slot));
            return ref _tracks[slot];
        }
    }

    /// <summary>Asks the processor for a GPU's track (its previous sample, its counters) ahead of its use.</summary>
    public void Prefetch(int slot) => CacheLines.Prefetch(ref this[slot]);

    /// <summary>
    /// Puts the slot of every row's GPU in <paramref name="slots"/>. A batch that starts with the same GPU as an earlier
    /// one and has its rows' GPUs in the same order (an agent's next message) is recognised by comparing each row's
    /// UUID column with the earlier batch's as whole spans, without a lookup per row; any other batch is looked up row by row.
    /// </summary>
    public void ResolveAll(SampleBatch batch, Span<int> slots)
    {
        var rows = batch.Length;
        if (rows == 0)
        {
            return;
        }

        var keys = new RowKeys(batch);
        var first = Resolve(batch, keys, 0);
        if (this[first].BatchShape is { } known && known.Matches(batch))
        {
            known.Slots.CopyTo(slots);
            return;
        }

        slots[0] = first;
        for (var row = 1; row < rows; row++)
        {
            slots[row] = Resolve(batch, keys, row);
        }

        this[first].BatchShape = BatchShape.Of(batch, slots);
    }

    /// <summary>The slot of the GPU in this row, its track created on first sight.</summary>
    public int Resolve(SampleBatch batch, int row) => Resolve(batch, new RowKeys(batch), row);

    private int Resolve(SampleBatch batch, in RowKeys keys, int row)
    {
        var uuid = keys.Uuids.Bytes(row);
        var mig = keys.Migs.Exists && keys.Migs.IsValid(row) ? keys.Migs.Values[row] : -1;
        Span<char> key = stackalloc char[Math.Min(256, Encoding.UTF8.GetMaxCharCount(uuid.Length) + 12)];
        var length = Encoding.UTF8.GetChars(uuid[..Math.Min(uuid.Length, 200)], key);
        if (mig >= 0)
        {
            key[length++] = '/';
            mig.TryFormat(key[length..], out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
            length += written;
        }

        var lookup = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(key[..length], out var slot))
        {
            return slot;
        }

        var uuidChars = mig >= 0 ? key[..key[..length].LastIndexOf('/')] : key[..length];
        var identity = uuid.Length is > 0 and <= 200 && keys.Uuids.IsValid(row) ? Identity(batch, keys, row, uuidChars) : null;
        identity ??= batch.Identity(row);
        slot = Add(identity);
        // Without a MIG instance the key is the UUID: one string for both.
        _byKey.Add(mig < 0 && identity.Uuid.AsSpan().SequenceEqual(key[..length]) ? identity.Uuid : key[..length].ToString(), slot);
        return slot;
    }

    // A new GPU's track, in the next slot.
    private int Add(GpuIdentity identity)
    {
        var slot = _count;
        _tracks.Add(slot) = new GpuTrack(slot, identity, Peak(identity.Model));
        _count++;
        return slot;
    }

    // A new GPU's identity, its node name and model shared with the GPUs already tracked; null when a name is missing
    // or longer than any real one, which the batch's own identity handles.
    private GpuIdentity? Identity(SampleBatch batch, in RowKeys keys, int row, ReadOnlySpan<char> uuid)
    {
        var node = _nodes.Of(keys.Nodes, row);
        var model = _models.Of(keys.Models, row);
        if (node is null || model is null)
        {
            return null;
        }

        return batch.Identity(row, node, uuid.ToString(), model);
    }

    /// <summary>
    /// Each slot's place in the GPUs' identity order (node, index, MIG instance, UUID), which is how window rows are
    /// ordered; sorted again only when GPUs were added since.
    /// </summary>
    public int[] Ranks()
    {
        Sort();
        return _ranks;
    }

    /// <summary>Every slot in the GPUs' identity order (<see cref="Ranks"/> inverted); sorted again only when GPUs were added since.</summary>
    public int[] Order()
    {
        Sort();
        return _order;
    }

    private void Sort()
    {
        if (_order.Length != _count)
        {
            _order = IdentityOrder();
            _ranks = new int[_order.Length];
            for (var rank = 0; rank < _order.Length; rank++)
            {
                _ranks[_order[rank]] = rank;
            }
        }
    }

    // The slots in identity order. Each node's name is compared only while its distinct names are sorted (a node has
    // several GPUs); then every GPU sorts by one integer (its node's rank, index and MIG instance) and, where two share
    // it, by UUID.
    private int[] IdentityOrder()
    {
        var nodes = new Dictionary<string, int>(StringComparer.Ordinal);
        string? last = null;
        for (var slot = 0; slot < _count; slot++)
        {
            var identity = this[slot].Identity;
            if (identity.Index is < 0 or > ushort.MaxValue || identity.MigInstance is < 0 or >= ushort.MaxValue)
            {
                var all = Enumerable.Range(0, _count).ToArray();
                Array.Sort(all, new IdentityComparer(this));
                return all;
            }

            // A node's GPUs mostly follow one another and share one name string: one lookup per run of them.
            if (!ReferenceEquals(identity.Node, last))
            {
                last = identity.Node;
                nodes.TryAdd(last, 0);
            }
        }

        var names = nodes.Keys.ToArray();
        if (!Ascending(names))
        {
            Array.Sort(names, StringComparer.Ordinal);
        }

        for (var rank = 0; rank < names.Length; rank++)
        {
            nodes[names[rank]] = rank;
        }

        var keys = new long[_count];
        var order = new int[_count];
        string? node = null;
        long nodeKey = 0;
        for (var slot = 0; slot < keys.Length; slot++)
        {
            var identity = this[slot].Identity;
            if (!ReferenceEquals(identity.Node, node))
            {
                node = identity.Node;
                nodeKey = (long)nodes[node] << 32;
            }

            keys[slot] = nodeKey | ((long)identity.Index << 16) | (long)(identity.MigInstance + 1 ?? 0);
            order[slot] = slot;
        }

        // A node's GPUs are first seen together, in its agent's message, in index order: the keys come in runs, a run a
        // node, which the sort puts in order without sorting every key.
        SortedRuns.Sort(keys, order, groupShift: 32);
        var byUuid = Comparer<int>.Create((a, b) => string.CompareOrdinal(this[a].Identity.Uuid, this[b].Identity.Uuid));
        for (int first = 0, next = 1; next <= keys.Length; next++)
        {
            // The same node, index and MIG instance under two UUIDs (a replaced board): rare, ordered by UUID.
            if (next == keys.Length || keys[next] != keys[first])
            {
                if (next - first > 1)
                {
                    Array.Sort(order, first, next - first, byUuid);
                }

                first = next;
            }
        }

        return order;
    }

    private static bool Ascending(string[] names)
    {
        for (var i = 1; i < names.Length; i++)
        {
            if (string.CompareOrdinal(names[i - 1], names[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The GPUs' identity order, of their slots: node, index, MIG instance (none first), UUID.</summary>
    private sealed class IdentityComparer(GpuRegistry registry) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            var (a, b) = (registry[x].Identity, registry[y].Identity);
            var by = string.CompareOrdinal(a.Node, b.Node);
            by = by != 0 ? by : a.Index.CompareTo(b.Index);
            by = by != 0 ? by : (a.MigInstance ?? -1).CompareTo(b.MigInstance ?? -1);
            return by != 0 ? by : string.CompareOrdinal(a.Uuid, b.Uuid);
        }
    }

    // Models are shared strings (mostly; see Identity): GPUs of the last model seen take its peak without a lookup.
    private GpuModelPeak? Peak(string model)
    {
        if (ReferenceEquals(model, _lastModel))
        {
            return _lastPeak;
        }

        if (!_peaks.TryGetValue(model, out var peak))
        {
            peak = GpuModelPeaks.Find(model, peaks);
            _peaks[model] = peak;
        }

        (_lastModel, _lastPeak) = (model, peak);
        return peak;
    }

    /// <summary>The columns a row's GPU is found and first described by, taken from the batch once for all its rows.</summary>
    private readonly ref struct RowKeys(SampleBatch batch)
    {
        public readonly StringColumnView Uuids = batch.GpuUuidView;
        public readonly StringColumnView Nodes = batch.NodeView;
        public readonly StringColumnView Models = batch.GpuModelView;
        public readonly ColumnView<int> Migs = batch.MigInstanceView;
    }

    /// <summary>The slot of a GPU by UUID (a MIG instance's by UUID/instance), or null.</summary>
    public int? Find(string uuid) => _byKey.TryGetValue(uuid, out var slot) ? slot : null;
}
