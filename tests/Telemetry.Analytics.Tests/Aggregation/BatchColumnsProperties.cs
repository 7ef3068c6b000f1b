using CsCheck;
using Telemetry.Analytics.Aggregation;
using Telemetry.Contract.Fields;
using Telemetry.Contract.Samples;
using static Telemetry.Analytics.Tests.Support.TestFleet;
using F = Telemetry.Contract.Fields.FieldOrdinals;

namespace Telemetry.Analytics.Tests.Aggregation;

/// <summary>
/// The reduction's per-batch columns hold, for every row, what <see cref="SampleBatch.TryGetValue"/> and
/// <see cref="SampleBatch.TryGetInt64"/> read for it: NaN (or no value) where the field is null, a NaN or an infinity.
/// </summary>
[TestClass]
public sealed class BatchColumnsProperties
{
    private static readonly Gen<double?> Reading = Gen.Frequency(
        (5, Gen.Double[-1e6, 1e6].Select(d => (double?)Math.Round(d))),
        (2, Gen.OneOf<double?>(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 1e300, float.MaxValue, float.Epsilon)));

    // Rows of values per catalog field; a field either never has a null (its column has no validity bitmap to read)
    // or has some.
    private static readonly Gen<double?[][]> Rows = Gen.Int[0, 70].SelectMany(rows =>
        Gen.Bool.Array[FieldCatalog.Count].SelectMany(nullable =>
            Gen.Select(Reading, Gen.Int[0, 3]).Select((v, dice) => (v, dice)).Array[FieldCatalog.Count].Array[rows]
                .Select(values => values.Select(row => row.Select((cell, field) => nullable[field] && cell.dice == 0 ? null : cell.v).ToArray()).ToArray())));

    private static readonly (string Name, int Ordinal, Func<BatchColumns, double[]> Column)[] Readings =
    [
        ("gpu util", F.GpuUtil, c => c.GpuUtil),
        ("SM active", F.SmActive, c => c.SmActive),
        ("tensor active", F.PipeTensorActive, c => c.TensorActive),
        ("DRAM active", F.DramActive, c => c.DramActive),
        ("power", F.PowerUsage, c => c.Power),
        ("GPU temperature", F.GpuTemp, c => c.GpuTemp),
        ("memory temperature", F.MemoryTemp, c => c.MemoryTemp),
        ("framebuffer used", F.FbUsed, c => c.FbUsed),
        ("framebuffer total", F.FbTotal, c => c.FbTotal),
        ("max SM clock", F.MaxSmClock, c => c.MaxSmClock),
        ("SM clock", F.SmClock, c => c.SmClock),
    ];

    private static readonly (string Name, int Ordinal, Func<BatchColumns, BatchColumns.Counter> Column)[] Counters =
    [
        ("energy", F.TotalEnergyConsumption, c => c.Energy),
        ("ECC DBE", F.EccDbeVolatileTotal, c => c.EccDbe),
        ("remapped rows", F.UncorrectableRemappedRows, c => c.UncorrectableRemappedRows),
        ("row remap failure", F.RowRemapFailure, c => c.RowRemapFailure),
        ("XID", F.XidErrors, c => c.Xid),
        ("clock event reasons", F.ClocksEventReasons, c => c.ClockEventReasons),
    ];

    [TestMethod]
    public void EveryRowsColumnsReadAsTheBatchReadsThem()
    {
        // One instance across batches, as in the aggregator: columns are reused and must not keep an earlier batch's rows.
        var columns = new BatchColumns();
        Rows.Sample(rows =>
        {
            var builder = new SampleBatchBuilder();
            foreach (var row in rows)
            {
                builder.Append(T0, H100, row);
            }

            using var built = builder.Build();
            using var batch = SampleBatchCodec.Decode(SampleBatchCodec.Encode(built));
            columns.Read(batch);
            for (var row = 0; row < batch.Length; row++)
            {
                foreach (var (name, ordinal, column) in Readings)
                {
                    var expected = batch.TryGetValue(ordinal, row, out var value) ? value : double.NaN;
                    Assert.AreEqual(expected, column(columns)[row], $"{name}, row {row} of {batch.Length}");
                }

                foreach (var (name, ordinal, column) in Counters)
                {
                    var has = batch.TryGetInt64(ordinal, row, out var value);
                    Assert.AreEqual(has ? value : null, column(columns).At(row), $"{name}, row {row} of {batch.Length}");
                }

                double? link = null;
                foreach (var ordinal in (int[])[F.NvlinkTxBytes, F.NvlinkRxBytes, F.PcieTxBytes, F.PcieRxBytes])
                {
                    link = batch.TryGetValue(ordinal, row, out var bytes) ? (link ?? 0) + bytes : link;
                }

                Assert.AreEqual(link ?? double.NaN, columns.LinkBytes[row], $"link bytes, row {row} of {batch.Length}");
            }
        }, iter: 300, threads: 1);
    }
}
