using System.Data.Common;
using System.Globalization;
using Telemetry.Analytics.Windows;

namespace Telemetry.Cli.Bench;

/// <summary>
/// Checks that DuckDB's answer to the same-work query (<see cref="DuckDbBench.SameWork"/>) is ours: the same GPU-windows,
/// and in each the same figures, to a relative 1e-9 (sums of the same doubles, added in another order). A benchmark
/// that compared against a query computing something else would compare nothing.
/// </summary>
internal static class DuckDbAgreement
{
    private const double Tolerance = 1e-9;

    /// <summary>The states an interval can be in without jobs, which the query sums seconds and joules of.</summary>
    public static IReadOnlyList<string> States => WithoutJobs;

    private static readonly string[] WithoutJobs =
    [
        StateNames.Of(GpuState.Throttled), StateNames.Of(GpuState.UnallocatedBusy), StateNames.Of(GpuState.Zombie), StateNames.Of(GpuState.UnallocatedIdle),
    ];

    /// <summary>The figures compared, by the query's column names.</summary>
    public static IReadOnlyList<string> Figures { get; } =
    [
        "samples", "gpu_util_mean", "gpu_util_max", "sm_active_mean", "tensor_active_mean", "dram_active_mean", "power_mean", "power_max",
        "gpu_temp_max", "memory_temp_max", "fb_used_max", "counter_joules", "integrated_joules", "joules", "covered_seconds", "busy_seconds",
        .. States.SelectMany(s => new[] { $"{s}_seconds", $"{s}_joules" }),
    ];

    /// <summary>Runs <paramref name="query"/> and compares every row of its answer with <paramref name="ours"/>.</summary>
    /// <returns>The GPU-windows compared.</returns>
    /// <exception cref="InvalidDataException">A GPU-window one side has and the other has not, or a figure that differs; the message names both values.</exception>
    public static int Check(DbConnection connection, string query, IReadOnlyList<ClosedWindow> ours)
    {
        var expected = Ours(ours);
        using var command = connection.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        var columns = Figures.Select(reader.GetOrdinal).ToArray();
        var compared = 0;
        while (reader.Read())
        {
            var uuid = reader.GetString(reader.GetOrdinal("gpu_uuid"));
            var start = reader.GetInt64(reader.GetOrdinal("window_start"));
            if (!expected.Remove((uuid, start), out var mine))
            {
                throw new InvalidDataException($"DuckDB has a window of GPU {uuid} from {Time(start)} that ours has not.");
            }

            Compare(uuid, start, mine, columns.Select(c => reader.IsDBNull(c) ? double.NaN : Convert.ToDouble(reader.GetValue(c), CultureInfo.InvariantCulture)).ToArray());
            compared++;
        }

        if (expected.Count > 0)
        {
            var ((uuid, start), _) = expected.First();
            throw new InvalidDataException($"Ours has {expected.Count:N0} GPU-windows that DuckDB has not, the first of GPU {uuid} from {Time(start)}.");
        }

        return compared;
    }

    /// <summary>
    /// Ours against DuckDB's for one GPU-window, in <see cref="Figures"/> order. NaN is no value: a mean of no readings
    /// on our side, NULL on DuckDB's; a sum of nothing is 0 on ours and NULL on DuckDB's, so NaN counts as 0 there.
    /// </summary>
    public static void Compare(string uuid, long start, double[] ours, double[] theirs)
    {
        for (var i = 0; i < Figures.Count; i++)
        {
            var (mine, duck) = (ours[i], theirs[i]);
            if (IsSum(Figures[i]))
            {
                duck = double.IsNaN(duck) ? 0 : duck;
            }

            var same = double.IsNaN(mine) ? double.IsNaN(duck) : Math.Abs(mine - duck) <= Tolerance * Math.Max(1, Math.Max(Math.Abs(mine), Math.Abs(duck)));
            if (!same)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"GPU {uuid}, window from {Time(start)}: {Figures[i]} is {mine:R} in ours and {duck:R} in DuckDB's answer."));
            }
        }
    }

    // Our figures by GPU-window.
    private static Dictionary<(string Uuid, long Start), double[]> Ours(IReadOnlyList<ClosedWindow> windows)
    {
        var figures = new Dictionary<(string, long), double[]>();
        foreach (var window in windows)
        {
            var seconds = (window.End - window.Start) / 1000.0;
            foreach (var gpu in window.Gpus)
            {
                double[] row =
                [
                    gpu.Samples, gpu.GpuUtilMean ?? double.NaN, gpu.GpuUtilMax ?? double.NaN, gpu.SmActiveMean ?? double.NaN, gpu.TensorActiveMean ?? double.NaN,
                    gpu.DramActiveMean ?? double.NaN, gpu.PowerMean ?? double.NaN, gpu.PowerMax ?? double.NaN, gpu.GpuTempMax ?? double.NaN,
                    gpu.MemoryTempMax ?? double.NaN, gpu.FbUsedMax ?? double.NaN, gpu.EnergyCounterJoules, gpu.EnergyIntegratedJoules, gpu.EnergyJoules,
                    gpu.Coverage * seconds, gpu.BusySeconds, .. new double[States.Count * 2],
                ];
                figures.Add((gpu.GpuUuid, window.Start), row);
            }

            foreach (var state in window.States ?? [])
            {
                var at = Array.IndexOf(WithoutJobs, state.State);
                if (at < 0)
                {
                    throw new InvalidDataException($"GPU {state.GpuUuid}, window from {Time(window.Start)}: ours has state {state.State}, which the query does not compute (the benchmark's data has no jobs).");
                }

                var row = figures[(state.GpuUuid, window.Start)];
                row[Figures.Count - (States.Count * 2) + (at * 2)] = state.Seconds;
                row[Figures.Count - (States.Count * 2) + (at * 2) + 1] = state.EnergyJoules;
            }
        }

        return figures;
    }

    /// <summary>Whether a figure is a sum (of joules or seconds), which is NULL in DuckDB's answer where nothing was added.</summary>
    public static bool IsSum(string figure) => figure == "joules" || figure.EndsWith("_joules", StringComparison.Ordinal) || figure.EndsWith("_seconds", StringComparison.Ordinal);

    private static string Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("u", CultureInfo.InvariantCulture);
}
