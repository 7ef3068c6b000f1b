using System.Globalization;
using DuckDB.NET.Data;
using Telemetry.Analytics;
using Telemetry.Analytics.Windows;
using F = Telemetry.Contract.Fields.FieldOrdinals;

namespace Telemetry.Cli.Bench;

/// <summary>
/// DuckDB (in process) running the per-GPU window aggregation over the same samples, two ways. <b>The same work</b>
/// as ours: every interval between a GPU's consecutive samples (SQL's <c>LEAD</c> over each GPU's samples in time
/// order) charged to the window of its start, with the energy counter's rise (a wrap at 2^32 recognised, a reset not
/// counted), the trapezoid of power where the interval is no gap, the energy charged, covered and busy seconds, and
/// seconds and joules by state; besides count, means and maxima. Its answers are checked against ours, GPU-window by
/// GPU-window (<see cref="DuckDbAgreement"/>), before anything is timed. <b>A subset</b>: count, means, maxima and the
/// counter's rise per GPU per minute, a plain GROUP BY: the least a window aggregation does.
/// <para>
/// Loading the table is not timed; each query is, with its result stepped through row by row. Ours is timed for the
/// same work: every row, from new instances that see each GPU for the first time, and every window closed into its
/// rows' figures (<see cref="ReductionBench.Aggregate"/>). Neither answer is made into .NET objects: DuckDB's values
/// stay in its result's vectors, ours in the closed window's values, whose row objects a sink makes as it reads them.
/// DuckDB gets as many threads as ours has instances, each instance on its own thread: the same cores on both sides.
/// </para>
/// </summary>
internal static class DuckDbBench
{
    private const string Subset = """
        SELECT gpu_uuid, time_bucket(INTERVAL '1 minute', t) AS w, count(*), avg(gpu_util), avg(sm_active), avg(tensor_active),
               avg(dram_active), avg(power), max(gpu_temp), max(memory_temp), max(fb_used), max(energy) - min(energy)
        FROM samples GROUP BY gpu_uuid, w
        """;

    /// <summary>The aggregation ours does, in SQL, with the aggregator's rules (gap, busy, zombie, throttling) filled in.</summary>
    public static string SameWork(AggregatorOptions options)
    {
        var rules = options.Waste;
        var gapMs = (long)options.MaxIntegrationGap.TotalMilliseconds;
        var windowMs = (long)options.WindowLength.TotalMilliseconds;
        var states = string.Join(",\n       ", DuckDbAgreement.States.Select(s =>
            $"sum(CASE WHEN state = '{s}' THEN s END) AS \"{s}_seconds\", sum(CASE WHEN state = '{s}' THEN coalesce(counter_j, integrated_j, 0) END) AS \"{s}_joules\""));
        return string.Create(CultureInfo.InvariantCulture, $"""
            WITH intervals AS (
                SELECT gpu_uuid, time_bucket(INTERVAL '{windowMs} milliseconds', t) AS w, gpu_util, sm_active, tensor_active, dram_active, power,
                       gpu_temp, memory_temp, fb_used, fb_total, energy, reasons,
                       coalesce(sm_active::DOUBLE, gpu_util::DOUBLE / 100, 0) AS activity,
                       epoch_ms(LEAD(t) OVER g) - epoch_ms(t) AS ms, LEAD(power) OVER g AS next_power, LEAD(energy) OVER g AS next_energy
                FROM samples WINDOW g AS (PARTITION BY gpu_uuid ORDER BY t)
            ), charged AS (
                SELECT *, ms::DOUBLE / 1000 AS s,
                       CASE WHEN next_energy >= energy THEN (next_energy - energy)::DOUBLE / 1000
                            WHEN energy < 4294967296 AND 4294967296 - energy + next_energy <= 5000 * ms THEN (4294967296 - energy + next_energy)::DOUBLE / 1000
                       END AS counter_j,
                       CASE WHEN ms <= {gapMs} THEN (power::DOUBLE + next_power) / 2 * (ms::DOUBLE / 1000) END AS integrated_j,
                       CASE WHEN (coalesce(reasons, 0) & {(long)rules.ThrottleReasons}) <> 0 THEN '{StateNames.Of(GpuState.Throttled)}'
                            WHEN activity >= {rules.BusySmActivity:R} THEN '{StateNames.Of(GpuState.UnallocatedBusy)}'
                            WHEN fb_total > 0 AND fb_used::DOUBLE / fb_total > {rules.ZombieMemoryShare:R} THEN '{StateNames.Of(GpuState.Zombie)}'
                            ELSE '{StateNames.Of(GpuState.UnallocatedIdle)}'
                       END AS state
                FROM intervals
            )
            SELECT gpu_uuid, epoch_ms(w) AS window_start, count(*) AS samples, avg(gpu_util) AS gpu_util_mean, max(gpu_util) AS gpu_util_max,
                   avg(sm_active) AS sm_active_mean, avg(tensor_active) AS tensor_active_mean, avg(dram_active) AS dram_active_mean,
                   avg(power) AS power_mean, max(power) AS power_max, max(gpu_temp) AS gpu_temp_max, max(memory_temp) AS memory_temp_max,
                   max(fb_used) AS fb_used_max,
                   sum(counter_j) AS counter_joules, sum(integrated_j) AS integrated_joules, sum(coalesce(counter_j, integrated_j, 0)) AS joules,
                   sum(CASE WHEN ms <= {gapMs} THEN s END) AS covered_seconds, sum(CASE WHEN activity >= {rules.BusySmActivity:R} THEN s END) AS busy_seconds,
                   {states}
            FROM charged GROUP BY gpu_uuid, w
            """);
    }

    /// <param name="data">The samples both aggregate.</param>
    /// <param name="threads">Our instances, one thread each, and DuckDB's threads.</param>
    /// <param name="atLeast">How long to time each of DuckDB's queries, again and again.</param>
    /// <returns>Ours against DuckDB doing the same work (the goal's figure), and against DuckDB's subset.</returns>
    public static IReadOnlyList<BenchFigure> Run(ReductionData data, int threads, TimeSpan atLeast)
    {
        var options = new AggregatorOptions();
        using var connection = Connect(data, threads);
        var sameWork = SameWork(options);
        var checkedWindows = DuckDbAgreement.Check(connection, sameWork, ReductionBench.Windows(data, options));

        var groups = 0L;
        var duck = Throughput.PerSecond(() => groups = Groups(connection, sameWork), data.Rows, atLeast);
        var subset = Throughput.PerSecond(() => Groups(connection, Subset), data.Rows, atLeast);
        var ours = ReductionBench.Aggregate(data, threads);
        var one = ReductionBench.Aggregate(data, 1);
        var gpus = data.Fleet.Gpus;
        var shape = $"{gpus:N0} GPUs, {(double)data.Rows / groups:0.#} samples a GPU-window";
        var timed = $"{data.Rows:N0} rows into {groups:N0} GPU windows, every row and every window's figures timed on both sides (neither made into .NET row objects); DuckDB on {threads} threads, " +
            $"ours as {threads} instances on {threads} threads, median of 3 (one instance on one thread: {one:N0} rows/s";
        var version = connection.ServerVersion;
        return
        [
            new BenchFigure($"duckdb_{gpus}", $"Per-GPU window aggregation against DuckDB doing the same work, {shape}", "rows/s", ours,
                $"DuckDB {version}, the same aggregation in SQL (intervals by LEAD, energy from both sources, busy and covered seconds, states)", duck,
                "ours ≥ 1.5× DuckDB", ours / duck >= 1.5,
                $"{timed}, {one / duck:0.00}× DuckDB); DuckDB's answers equal ours in all {checkedWindows:N0} GPU-windows (checked before timing); " +
                "ours also estimates tensor TFLOP and counts ECC, row-remap and XID events")
            { Gpus = gpus },
            new BenchFigure($"duckdb_subset_{gpus}", $"Per-GPU window aggregation against DuckDB doing a subset (count, means, maxima, counter rise), {shape}", "rows/s", ours,
                $"DuckDB {version}, a plain GROUP BY of count, means, maxima and the counter's rise", subset,
                "for reference: DuckDB doing less than ours", null,
                $"{timed}, {one / subset:0.00}× DuckDB); no intervals on DuckDB's side, so no energy integration, busy seconds or states")
            { Gpus = gpus },
        ];
    }

    /// <summary>An in-memory DuckDB on <paramref name="threads"/> threads holding the samples in its table <c>samples</c>.</summary>
    public static DuckDBConnection Connect(ReductionData data, int threads)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = $"SET threads TO {threads}";
            create.ExecuteNonQuery();
            create.CommandText = """
                CREATE TABLE samples (gpu_uuid VARCHAR, t TIMESTAMP, gpu_util FLOAT, sm_active FLOAT, tensor_active FLOAT, dram_active FLOAT,
                                      power FLOAT, gpu_temp FLOAT, memory_temp FLOAT, fb_used FLOAT, fb_total FLOAT, energy BIGINT, reasons BIGINT)
                """;
            create.ExecuteNonQuery();
        }

        Load(connection, data);
        return connection;
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
                        .AppendValue(Float(batch, F.FbTotal, row))
                        .AppendValue(Integer(batch, F.TotalEnergyConsumption, row))
                        .AppendValue(Integer(batch, F.ClocksEventReasons, row))
                        .EndRow();
                }
            }
        }
    }

    private static float? Float(Telemetry.Contract.Samples.SampleBatch batch, int ordinal, int row) =>
        batch.TryGetValue(ordinal, row, out var value) ? (float)value : null;

    private static long? Integer(Telemetry.Contract.Samples.SampleBatch batch, int ordinal, int row) =>
        batch.TryGetInt64(ordinal, row, out var value) ? value : null;

    // The query run and every row of its answer read.
    private static long Groups(DuckDBConnection connection, string query)
    {
        using var command = connection.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        var groups = 0L;
        while (reader.Read())
        {
            groups++;
        }

        return groups;
    }
}
