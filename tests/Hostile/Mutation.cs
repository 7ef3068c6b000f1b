using System.Text;
using CsCheck;

namespace Telemetry.Hostile;

/// <summary>
/// One edit that turns valid input into hostile input: cut it short, flip a bit, insert one of
/// <see cref="Tokens"/> (once, or repeated into a huge run), delete a stretch, or repeat a stretch (a duplicate line,
/// a duplicate series). Positions are fractions of the input's length, so that an edit applies to any input and
/// CsCheck can shrink it.
/// </summary>
/// <param name="Kind">What the edit does.</param>
/// <param name="At">Where, as a fraction of the length in [0, 1).</param>
/// <param name="Token">Index into <see cref="Tokens"/>, for the inserting kinds.</param>
/// <param name="Length">Bytes deleted or repeated, the bit flipped (mod 8), or how often a token is repeated.</param>
internal readonly record struct Mutation(MutationKind Kind, double At, int Token, int Length)
{
    /// <summary>What parsers of text, CSV, JSON and Arrow choke on: structure characters, NUL, invalid UTF-8, odd numbers.</summary>
    public static IReadOnlyList<byte[]> Tokens { get; } =
    [
        "#"u8.ToArray(), "{"u8.ToArray(), "}"u8.ToArray(), "\""u8.ToArray(), "\\"u8.ToArray(), "\n"u8.ToArray(),
        "\r"u8.ToArray(), ","u8.ToArray(), "="u8.ToArray(), " "u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(),
        ":"u8.ToArray(), "%"u8.ToArray(), "&"u8.ToArray(), "?"u8.ToArray(), [0], [0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBB, 0xBF], "NaN"u8.ToArray(), "+Inf"u8.ToArray(), "-Inf"u8.ToArray(),
        "-0"u8.ToArray(), "1e308"u8.ToArray(), "1e999999"u8.ToArray(), "-1e-999999"u8.ToArray(),
        "9223372036854775807"u8.ToArray(), "18446744073709551616"u8.ToArray(), "0x"u8.ToArray(), "null"u8.ToArray(),
        "{}"u8.ToArray(), "{A}0"u8.ToArray(), "[]"u8.ToArray(), "\\u0000"u8.ToArray(), "\\ud800"u8.ToArray(),
        "/*"u8.ToArray(), "%00"u8.ToArray(), "%ZZ"u8.ToArray(), "x"u8.ToArray(), "9"u8.ToArray(), [0xFF, 0xFF, 0xFF, 0x7F],
        [0x00, 0x00, 0x00, 0x80], [0xFF, 0xFF, 0xFF, 0xFF],
    ];

    /// <summary>Any single edit; a repeated token runs to at most <paramref name="maxRun"/> copies.</summary>
    public static Gen<Mutation> Any(int maxRun = 70_000) =>
        Gen.Select(Gen.Enum<MutationKind>(), Gen.Double.Unit, Gen.Int[0, Tokens.Count - 1], Gen.Int[1, 64], Gen.Int[1, maxRun])
            .Select((kind, at, token, length, run) => new Mutation(kind, at, token, kind == MutationKind.RepeatToken ? run : length));

    /// <summary>Up to <paramref name="maxEdits"/> edits of <paramref name="valid"/>, applied in turn.</summary>
    public static Gen<byte[]> Of(byte[] valid, int maxEdits = 4, int maxRun = 70_000) =>
        Any(maxRun).Array[0, maxEdits].Select(edits => ApplyAll(valid, edits));

    /// <summary>Up to <paramref name="maxEdits"/> edits of one of <paramref name="valid"/>.</summary>
    public static Gen<byte[]> OfAny(IReadOnlyList<byte[]> valid, int maxEdits = 4, int maxRun = 70_000) =>
        Gen.Int[0, valid.Count - 1].SelectMany(i => Of(valid[i], maxEdits, maxRun));

    /// <summary>The edits applied to <paramref name="input"/> in order.</summary>
    public static byte[] ApplyAll(byte[] input, IEnumerable<Mutation> edits)
    {
        var bytes = input;
        foreach (var edit in edits)
        {
            bytes = edit.Apply(bytes);
        }

        return bytes;
    }

    /// <summary>This edit applied to <paramref name="input"/>, as a new array.</summary>
    public byte[] Apply(byte[] input)
    {
        var at = (int)(At * input.Length);
        var end = Math.Min(input.Length, at + Length);
        return Kind switch
        {
            MutationKind.Truncate => input[..at],
            MutationKind.FlipBit when input.Length > 0 => Flip(input, at),
            MutationKind.InsertToken => [.. input.AsSpan(0, at), .. Tokens[Token], .. input.AsSpan(at)],
            MutationKind.RepeatToken => [.. input.AsSpan(0, at), .. Run(Tokens[Token], Length), .. input.AsSpan(at)],
            MutationKind.Delete => [.. input.AsSpan(0, at), .. input.AsSpan(end)],
            MutationKind.Duplicate => [.. input.AsSpan(0, end), .. input.AsSpan(at, end - at), .. input.AsSpan(end)],
            _ => input,
        };
    }

    /// <summary>For failure messages: the edit in words.</summary>
    public override string ToString() =>
        $"{Kind} at {At:0.###} token {Encoding.UTF8.GetString(Tokens[Token])} length {Length}";

    private byte[] Flip(byte[] input, int at)
    {
        var copy = (byte[])input.Clone();
        copy[at] ^= (byte)(1 << (Length % 8));
        return copy;
    }

    private static byte[] Run(byte[] token, int count)
    {
        var run = new byte[token.Length * count];
        for (var i = 0; i < count; i++)
        {
            token.CopyTo(run, i * token.Length);
        }

        return run;
    }
}
