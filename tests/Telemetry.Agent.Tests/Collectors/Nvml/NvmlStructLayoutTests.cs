using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Telemetry.Agent.Collectors.Nvml;

namespace Telemetry.Agent.Tests.Collectors.Nvml;

/// <summary>
/// The blittable structs against nvml.h 12.2.140 (cuda-nvml-dev 12.2.140, as vendored in NVIDIA/go-nvml
/// gen/nvml/nvml.h; go-nvml's cgo -godefs output types_gen.go gives the same layouts) on 64-bit Linux (LP64).
/// </summary>
[TestClass]
public sealed class NvmlStructLayoutTests
{
    [TestMethod]
    public void UtilizationIsTwoUnsignedInts()
    {
        Assert.AreEqual(8, Marshal.SizeOf<NvmlUtilization>());
        Assert.AreEqual(4, Offset<NvmlUtilization>(nameof(NvmlUtilization.Memory)));
    }

    [TestMethod]
    public void MemoryIsThreeUnsignedLongLongs()
    {
        Assert.AreEqual(24, Marshal.SizeOf<NvmlMemory>());
        Assert.AreEqual(8, Offset<NvmlMemory>(nameof(NvmlMemory.Free)));
        Assert.AreEqual(16, Offset<NvmlMemory>(nameof(NvmlMemory.Used)));
    }

    [TestMethod]
    public void FieldValueMatchesTheHeader()
    {
        Assert.AreEqual(8, Marshal.SizeOf<NvmlValue>());
        Assert.AreEqual(40, Marshal.SizeOf<NvmlFieldValue>());
        Assert.AreEqual(0, Offset<NvmlFieldValue>(nameof(NvmlFieldValue.FieldId)));
        Assert.AreEqual(4, Offset<NvmlFieldValue>(nameof(NvmlFieldValue.ScopeId)));
        Assert.AreEqual(8, Offset<NvmlFieldValue>(nameof(NvmlFieldValue.Timestamp)));
        Assert.AreEqual(16, Offset<NvmlFieldValue>(nameof(NvmlFieldValue.LatencyUsec)));
        Assert.AreEqual(24, Offset<NvmlFieldValue>(nameof(NvmlFieldValue.ValueType)));
        Assert.AreEqual(28, Offset<NvmlFieldValue>(nameof(NvmlFieldValue.NvmlReturn)));
        Assert.AreEqual(32, Offset<NvmlFieldValue>(nameof(NvmlFieldValue.Value)));
    }

    [TestMethod]
    public void GpmSupportIsVersionAndFlag()
    {
        Assert.AreEqual(8, Marshal.SizeOf<NvmlGpmSupport>());
        Assert.AreEqual(4, Offset<NvmlGpmSupport>(nameof(NvmlGpmSupport.IsSupportedDevice)));
    }

    [TestMethod]
    public void GpmMetricMatchesTheHeader()
    {
        Assert.AreEqual(40, Marshal.SizeOf<NvmlGpmMetric>());
        Assert.AreEqual(4, Offset<NvmlGpmMetric>(nameof(NvmlGpmMetric.NvmlReturn)));
        Assert.AreEqual(8, Offset<NvmlGpmMetric>(nameof(NvmlGpmMetric.Value)));
        Assert.AreEqual(16, Offset<NvmlGpmMetric>(nameof(NvmlGpmMetric.ShortName)), "metricInfo");
        Assert.AreEqual(32, Offset<NvmlGpmMetric>(nameof(NvmlGpmMetric.Unit)));
    }

    [TestMethod]
    public unsafe void GpmMetricsGetMatchesTheHeader()
    {
        var request = default(NvmlGpmMetricsGet);
        var start = (byte*)&request;

        Assert.AreEqual(24 + (98 * 40), sizeof(NvmlGpmMetricsGet));
        Assert.AreEqual(4, (byte*)&request.NumMetrics - start);
        Assert.AreEqual(8, (byte*)&request.Sample1 - start);
        Assert.AreEqual(16, (byte*)&request.Sample2 - start);
        Assert.AreEqual(24, (byte*)Unsafe.AsPointer(ref request.Metrics[0]) - start);
        Assert.AreEqual(24 + (97 * 40), (byte*)Unsafe.AsPointer(ref request.Metrics[97]) - start);
    }

    [TestMethod]
    public void ConstantsMatchTheHeader()
    {
        Assert.AreEqual(82u, NvmlFieldValue.MemoryTemperature, "NVML_FI_DEV_MEMORY_TEMP");
        Assert.AreEqual(1u, NvmlGpmMetricsGet.CurrentVersion, "NVML_GPM_METRICS_GET_VERSION");
        Assert.AreEqual(1u, NvmlGpmSupport.CurrentVersion, "NVML_GPM_SUPPORT_VERSION");
        Assert.AreEqual(2, (int)NvmlGpmMetricId.SmUtil);
        Assert.AreEqual(5, (int)NvmlGpmMetricId.AnyTensorUtil);
        Assert.AreEqual(10, (int)NvmlGpmMetricId.DramBwUtil);
        Assert.AreEqual(1, (int)NvmlClockType.Sm);
        Assert.AreEqual(2, (int)NvmlClockType.Mem);
        Assert.AreEqual("NVML_ERROR_NOT_SUPPORTED", NvmlReturn.NotSupported.HeaderName());
        Assert.AreEqual("NVML_ERROR_31", ((NvmlReturn)31).HeaderName());
    }

    private static long Offset<T>(string field) => Marshal.OffsetOf<T>(field).ToInt64();
}
