using System.Diagnostics;
using DuckDB.NET.Data;
using F = Telemetry.Contract.Fields.FieldOrdinals;

namespace Telemetry.Cli.Bench;

/// <summary>
/// DuckDB (in process) running the same per-GPU window aggregation over the same samples: count, means of
/// utilisation, SM, tensor and DRAM activity and power, maxima of temperatures and memory, and the energy counter's
/// rise, per GPU per minute. Loading the table is not timed; the query is, with its result read. Ours is timed for the
/// same work: every row, from new instances that see each GPU for the first time, and every window closed into its
/// rows (<see cref="ReductionBench.Aggregate"/>). DuckDB gets as many threads as ours has instances, each instance on
/// its own thread: the same cores on both sides.
/// </summary>
internal static class DuckDbBench
{
    private const string Query = """
        SELECT gpu_uuid, time_bucket(INTERVAL '1 minute', t) AS w, count(*), avg(gpu_util), avg(sm_active), avg(tensor_active),
               avg(dram_active), avg(power), max(gpu_temp), max(memory_temp), max(fb_used), max(energy) - min(energy)
        FROM samples GROUP BY gpu_uuid, w
        """;

    /// <param name="data">The samples both aggregate.</param>
    /// <param name="threads">Our instances, one thread each, and DuckDB's threads.</param>
    /// <param name="atLeast">How long to time DuckDB's query, again and again.</param>
    public static BenchFigure Run(ReductionData data, int threads, TimeSpan atLeast)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = $"SET threads TO {threads}";
            create.ExecuteNonQuery();
            create.CommandText = """
                CREATE TABLE samples (gpu_uuid VARCHAR, t TIMESTAMP, gpu_util FLOAT, sm_active FLOAT, tensor_active FLOAT, dram_active FLOAT,
                                      power FLOAT, gpu_temp FLOAT, memory_temp FLOAT, fb_used FLOAT, energy BIGINT)
                """;
            create.ExecuteNonQuery();
        }

        Load(connection, data);
        var groups = 0L;
        var duck = Throughput.PerSecond(() => groups = Aggregate(connection), data.Rows, atLeast);
        var ours = ReductionBench.Aggregate(data, threads);
        var one = ReductionBench.Aggregate(data, 1);
        var rowsPerGpuWindow = (double)data.Rows / groups;
        return new BenchFigure($"duckdb_{data.Fleet.Gpus}", $"Per-GPU window aggregation against DuckDB, {data.Fleet.Gpus:N0} GPUs, {rowsPerGpuWindow:0.#} samples a GPU-window", "rows/s", ours,
            $"DuckDB {connection.ServerVersion}, same aggregation in SQL", duck, "ours ≥ 1.5× DuckDB", ours / duck >= 1.5,
            $"{data.Rows:N0} rows into {groups:N0} GPU windows, every row and every window's rows timed on both sides; DuckDB on {threads} threads, ours as {threads} instances " +
            $"on {threads} threads, median of 3 (one instance on one thread: {one:N0} rows/s, {one / duck:0.00}× DuckDB); ours also computes intervals, energy, states and jobs")
        { Gpus = data.Fleet.Gpus };
    }

    private static void Load(DuckDBConnection connection, ReductionData data)
    {
        using var appender = connection.CreateAppender("samples");
        foreach (var tick in data.Ticks)
        {
            foreach (var batch in tick)
            {
                for (var row = 0; row < batch.Length; row++)
                {
                    appender.CreateRow()
                        .AppendValue(batch.GpuUuid.GetString(row))
                        .AppendValue(DateTimeOffset.FromUnixTimeMilliseconds(batch.Time.Values[row]).UtcDateTime)
                        .AppendValue(Float(batch, F.GpuUtil, row))
                        .AppendValue(Float(batch, F.SmActive, row))
                        .AppendValue(Float(batch, F.PipeTensorActive, row))
                        .AppendValue(Float(batch, F.DramActive, row))
                        .AppendValue(Float(batch, F.PowerUsage, row))
                        .AppendValue(Float(batch, F.GpuTemp, row))
                        .AppendValue(Float(batch, F.MemoryTemp, row))
                        .AppendValue(Float(batch, F.FbUsed, row))
                        .AppendValue(batch.TryGetInt64(F.TotalEnergyConsumption, row, out var energy) ? energy : (long?)null)
                        .EndRow();
                }
            }
        }
    }

    private static float? Float(Telemetry.Contract.Samples.SampleBatch batch, int ordinal, int row) =>
        batch.TryGetValue(ordinal, row, out var value) ? (float)value : null;

    private static long Aggregate(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Query;
        using var reader = command.ExecuteReader();
        var groups = 0L;
        while (reader.Read())
        {
            groups++;
        }

        return groups;
    }
}
