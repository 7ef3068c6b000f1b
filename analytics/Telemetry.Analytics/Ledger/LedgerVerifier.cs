using System.Security.Cryptography;

namespace Telemetry.Analytics.Ledger;

/// <summary>Checks every partition of every table folder under a ledger root against its manifest.</summary>
internal sealed class LedgerVerifier
{
    private readonly string _root;
    private readonly List<string> _missing = [];
    private readonly List<string> _extra = [];
    private readonly List<string> _altered = [];
    private int _checked;

    private LedgerVerifier(string root) => _root = root;

    public static LedgerVerification Verify(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"No ledger at {root}.");
        }

        var verifier = new LedgerVerifier(root);
        foreach (var table in Directory.EnumerateDirectories(root))
        {
            // Anything beside the partitions (an Arrow IPC file of an earlier version, a stray file) is not vouched for.
            verifier._extra.AddRange(Directory.EnumerateFiles(table));
            foreach (var partition in Directory.EnumerateDirectories(table))
            {
                verifier.VerifyPartition(partition);
            }
        }

        return new LedgerVerification(verifier._checked, verifier.Relative(verifier._missing), verifier.Relative(verifier._extra), verifier.Relative(verifier._altered));
    }

    private void VerifyPartition(string partition)
    {
        // Every instance's manifest vouches for its own files.
        var manifests = Directory.EnumerateFiles(partition).Where(f => LedgerLayout.IsManifest(Path.GetFileName(f))).Order(StringComparer.Ordinal).ToList();
        var present = Directory.EnumerateFiles(partition).Where(f => !manifests.Contains(f)).ToHashSet(StringComparer.Ordinal);
        _extra.AddRange(Directory.EnumerateDirectories(partition));
        if (manifests.Count == 0)
        {
            if (present.Count > 0)
            {
                _missing.Add(Path.Combine(partition, LedgerLayout.ManifestName));
            }

            _extra.AddRange(present);
            return;
        }

        foreach (var manifestPath in manifests)
        {
            List<ManifestEntry> entries;
            try
            {
                entries = LedgerManifest.Read(manifestPath);
            }
            catch (InvalidDataException)
            {
                _altered.Add(manifestPath);
                continue;
            }

            foreach (var entry in entries)
            {
                var path = Path.Combine(partition, entry.File);
                if (!present.Remove(path))
                {
                    _missing.Add(path);
                    continue;
                }

                _checked++;
                if (!Matches(path, entry))
                {
                    _altered.Add(path);
                }
            }
        }

        _extra.AddRange(present);
    }

    private static bool Matches(string path, ManifestEntry entry)
    {
        using var stream = File.OpenRead(path);
        return stream.Length == entry.Bytes && Convert.ToHexStringLower(SHA256.HashData(stream)) == entry.Sha256;
    }

    private string[] Relative(List<string> paths) =>
        [.. paths.Select(p => Path.GetRelativePath(_root, p).Replace(Path.DirectorySeparatorChar, '/')).Order(StringComparer.Ordinal)];
}
