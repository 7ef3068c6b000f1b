using Apache.Arrow;
using Telemetry.Contract.Fields;
using Telemetry.Contract.Samples;

namespace Telemetry.Contract.Tests.Samples;

/// <summary>Sample batches for codec tests, and a way to encode altered copies of them.</summary>
internal static class TestBatches
{
    internal const long T0 = 1_760_000_000_123;

    internal static readonly GpuIdentity WholeGpu0 = new("node-a", "GPU-5b4e07f6-3a86-4340-039d-25f2a83cdc43", 0, "NVIDIA H100 80GB HBM3");
    internal static readonly GpuIdentity MigSlice = new("node-a", "MIG-1f2e3d4c-0000-5555-aaaa-0123456789ab", 1, "NVIDIA H100 80GB HBM3", 3, "1g.10gb");
    internal static readonly GpuIdentity WholeGpu2 = new("node-a", "GPU-0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9", 2, "NVIDIA H100 80GB HBM3");

    /// <summary>Three rows: a whole GPU, a MIG instance, and a whole GPU with null readings.</summary>
    internal static RecordBatch ThreeRows()
    {
        var builder = new SampleBatchBuilder();
        builder.Append(T0, WholeGpu0, Values(gpuTemp: 41.5, energy: 123_456_789_012, reasons: (long)ClockEventReasons.GpuIdle));
        builder.Append(T0 + 1, MigSlice, Values(gpuTemp: 55.25, energy: 7, reasons: (long)ClockEventReasons.SwPowerCap));
        builder.Append(T0 + 2, WholeGpu2, Values(gpuTemp: null, energy: null, reasons: null));
        return builder.Build();
    }

    internal static double?[] Values(double? gpuTemp, long? energy, long? reasons)
    {
        var values = new double?[FieldCatalog.Count];
        values[FieldOrdinals.GpuTemp] = gpuTemp;
        values[FieldOrdinals.PowerUsage] = gpuTemp is null ? null : 312.75;
        values[FieldOrdinals.TotalEnergyConsumption] = energy;
        values[FieldOrdinals.ClocksEventReasons] = reasons;
        return values;
    }

    internal static IEnumerable<(Field Field, IArrowArray Column)> Columns(RecordBatch batch) =>
        batch.Schema.FieldsList.Select((field, i) => (field, batch.Column(i)));

    /// <summary>Encodes a batch made of these columns and schema metadata.</summary>
    internal static byte[] Encode(
        RecordBatch source,
        IEnumerable<(Field Field, IArrowArray Column)> columns,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        var list = columns.ToList();
        var schema = new Schema(list.Select(c => c.Field), metadata ?? source.Schema.Metadata);

        // A view over arrays that their own batches own and dispose; disposing it would free them twice.
        var view = new RecordBatch(schema, list.Select(c => c.Column), source.Length);
        return SampleBatchCodec.Encode(view);
    }
}
