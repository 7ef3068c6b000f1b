using System.Text;
using Telemetry.Contract.Samples;

namespace Telemetry.Analytics.Gpus;

/// <summary>
/// The strings of one name column (node names, models), one string per distinct name, shared by the identities of the
/// GPUs that carry it. The last name found is remembered by its bytes: a node's GPUs come one after another in its
/// agent's message, and a fleet has a handful of models, so most rows match it without decoding or hashing. Not
/// thread-safe.
/// </summary>
internal sealed class SharedNames
{
    /// <summary>The longest name, in UTF-8 bytes, that is shared; no real node name or model comes near it.</summary>
    public const int MaxBytes = 256;

    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly byte[] _lastBytes = new byte[MaxBytes];
    private int _lastLength = -1;
    private string? _last;

    /// <summary>The shared string of this row's name; null when the row has none or one longer than <see cref="MaxBytes"/>.</summary>
    public string? Of(StringColumnView names, int row)
    {
        if (!names.IsValid(row))
        {
            return null;
        }

        var utf8 = names.Bytes(row);
        if (utf8.Length > MaxBytes)
        {
            return null;
        }

        if (_lastLength >= 0 && utf8.SequenceEqual(_lastBytes.AsSpan(0, _lastLength)))
        {
            return _last;
        }

        Span<char> chars = stackalloc char[Encoding.UTF8.GetMaxCharCount(utf8.Length)];
        chars = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(chars, out var name))
        {
            name = chars.ToString();
            _names.Add(name);
        }

        utf8.CopyTo(_lastBytes);
        _lastLength = utf8.Length;
        _last = name;
        return name;
    }
}
