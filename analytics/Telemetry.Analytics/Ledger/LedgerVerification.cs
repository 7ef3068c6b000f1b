namespace Telemetry.Analytics.Ledger;

/// <summary>
/// What <see cref="LedgerReader.Verify"/> found. Paths are relative to the ledger root, with <c>/</c> between folders
/// (<c>gpu-windows/date=2026-03-01/20260301T000000Z.parquet</c>), in ordinal order.
/// </summary>
/// <param name="FilesChecked">Files whose checksum was recomputed and compared with their manifest line.</param>
/// <param name="Missing">Files a manifest names that are not there, and partitions with files but no manifest (as the manifest's path).</param>
/// <param name="Extra">Files in a table's folders that no manifest names (a temporary file a crash left behind among them).</param>
/// <param name="Altered">Files whose SHA-256 or size differs from their manifest line, and manifests that cannot be read as one.</param>
public sealed record LedgerVerification(int FilesChecked, IReadOnlyList<string> Missing, IReadOnlyList<string> Extra, IReadOnlyList<string> Altered)
{
    /// <summary>Nothing missing, extra or altered.</summary>
    public bool IsIntact => Missing.Count == 0 && Extra.Count == 0 && Altered.Count == 0;
}
