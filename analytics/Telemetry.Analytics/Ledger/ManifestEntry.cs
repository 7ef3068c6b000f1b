namespace Telemetry.Analytics.Ledger;

/// <summary>One line of a partition's manifest: a window file, the SHA-256 of its bytes (lowercase hex), its rows and its size.</summary>
internal sealed record ManifestEntry(string File, string Sha256, long Rows, long Bytes);
