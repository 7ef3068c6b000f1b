using Telemetry.Analytics.Reporting;

namespace Telemetry.Cli.Rendering;

/// <summary>Writes a grouped report as a Parquet file.</summary>
internal static class GroupParquet
{
    public static Task WriteAsync(IReadOnlyList<GroupReport> groups, string path, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Parquet output comes with the Parquet ledger.");
}
