using Parquet.Serialization;
using Telemetry.Analytics.Reporting;

namespace Telemetry.Cli.Rendering;

/// <summary>Writes a grouped report as a Parquet file, one row per group, columns named as in the CSV.</summary>
internal static class GroupParquet
{
    public static async Task WriteAsync(IReadOnlyList<GroupReport> groups, string path, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await ParquetSerializer.SerializeAsync(groups, file, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
