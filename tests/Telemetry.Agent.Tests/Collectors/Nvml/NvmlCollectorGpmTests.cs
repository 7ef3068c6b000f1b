using Microsoft.Extensions.Time.Testing;
using Telemetry.Agent.Collectors;
using Telemetry.Agent.Collectors.Nvml;
using Telemetry.Contract.Fields;

namespace Telemetry.Agent.Tests.Collectors.Nvml;

[TestClass]
public sealed class NvmlCollectorGpmTests
{
    private const string Uuid = "GPU-5d0b4c7e-8c1f-4b6e-9a3e-1f2d3c4b5a69";

    private static readonly Dictionary<NvmlGpmMetricId, double> HopperUnderLoad = new()
    {
        [NvmlGpmMetricId.GraphicsUtil] = 97,
        [NvmlGpmMetricId.SmUtil] = 88,
        [NvmlGpmMetricId.SmOccupancy] = 30,
        [NvmlGpmMetricId.AnyTensorUtil] = 41.5,
        [NvmlGpmMetricId.DramBwUtil] = 55,
        [NvmlGpmMetricId.Fp64Util] = 0,
        [NvmlGpmMetricId.Fp32Util] = 12.25,
        [NvmlGpmMetricId.Fp16Util] = 3,
        [NvmlGpmMetricId.PcieTxPerSec] = 1536,
        [NvmlGpmMetricId.PcieRxPerSec] = 0.5,
    };

    [TestMethod]
    public async Task GpmFieldsStayEmptyOnTheFirstCollectionAndAreFilledFromTheSecond()
    {
        var (nvml, time) = Hopper();
        await using var collector = await NvmlCollectors.StartedAsync(nvml, time);

        var first = await collector.CollectAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        var second = await collector.CollectAsync(CancellationToken.None);

        Assert.IsNull(first[0].Values[FieldOrdinals.SmActive]);
        Assert.IsNull(first[0].Values[FieldOrdinals.PipeTensorActive]);
        Assert.IsNull(first[0].Values[FieldOrdinals.DramActive]);
        Assert.IsNotNull(second[0].Values[FieldOrdinals.SmActive]);
        Assert.AreEqual(631.95, first[0].Values[FieldOrdinals.PowerUsage], "the other fields do not wait");
        Assert.IsEmpty(collector.Counters.Errors);
    }

    [TestMethod]
    public async Task GpmPercentagesBecomeTheCatalogsRatios()
    {
        var values = await SecondCollectionAsync();

        Assert.AreEqual(0.97, values[FieldOrdinals.GrEngineActive]);
        Assert.AreEqual(0.88, values[FieldOrdinals.SmActive]);
        Assert.AreEqual(0.30, values[FieldOrdinals.SmOccupancy]);
        Assert.AreEqual(0.415, values[FieldOrdinals.PipeTensorActive]);
        Assert.AreEqual(0.55, values[FieldOrdinals.DramActive]);
        Assert.AreEqual(0.0, values[FieldOrdinals.PipeFp64Active]);
        Assert.AreEqual(0.1225, values[FieldOrdinals.PipeFp32Active]);
        Assert.AreEqual(0.03, values[FieldOrdinals.PipeFp16Active]);
    }

    [TestMethod]
    public async Task GpmRatesInMebibytesPerSecondBecomeBytesPerSecond()
    {
        var values = await SecondCollectionAsync();

        Assert.AreEqual(1536.0 * 1024 * 1024, values[FieldOrdinals.PcieTxBytes]);
        Assert.AreEqual(512.0 * 1024, values[FieldOrdinals.PcieRxBytes]);
    }

    [TestMethod]
    public async Task AGpmMetricTheGpuDoesNotSupportIsNullAndCountedAsNotSupported()
    {
        var (nvml, time) = Hopper();
        await using var collector = await NvmlCollectors.StartedAsync(nvml, time);

        await collector.CollectAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        var values = (await collector.CollectAsync(CancellationToken.None))[0].Values;

        // A PCIe H100 has no NVLink: those metrics answer NVML_ERROR_NOT_SUPPORTED.
        Assert.IsNull(values[FieldOrdinals.NvlinkTxBytes]);
        Assert.IsNull(values[FieldOrdinals.NvlinkRxBytes]);
        Assert.AreEqual(1, collector.Counters.Blanks[("nvlink_tx_bytes", BlankReason.NotSupported)]);
        Assert.AreEqual(1, collector.Counters.Blanks[("nvlink_rx_bytes", BlankReason.NotSupported)]);
    }

    [TestMethod]
    public async Task AGpuWithoutGpmLeavesTheProfilingFieldsEmptyWithoutCountingThem()
    {
        var nvml = new FakeNvml();
        nvml.AddGpu(Uuid, "NVIDIA A100-SXM4-80GB");
        var time = new FakeTimeProvider();
        await using var collector = await NvmlCollectors.StartedAsync(nvml, time);

        await collector.CollectAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        var values = (await collector.CollectAsync(CancellationToken.None))[0].Values;

        Assert.IsNull(values[FieldOrdinals.SmActive]);
        Assert.IsEmpty(collector.Counters.Blanks);
        Assert.IsEmpty(collector.Counters.Errors);
        Assert.IsEmpty(nvml.LiveSamples, "no sample buffers for a GPU without GPM");
    }

    [TestMethod]
    public async Task ACollectionTooSoonAfterTheLastSampleKeepsThatSampleForTheNext()
    {
        var (nvml, time) = Hopper();
        await using var collector = await NvmlCollectors.StartedAsync(nvml, time);

        await collector.CollectAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(40));
        var tooSoon = await collector.CollectAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(960));
        var later = await collector.CollectAsync(CancellationToken.None);

        Assert.IsNull(tooSoon[0].Values[FieldOrdinals.SmActive]);
        Assert.AreEqual(0.88, later[0].Values[FieldOrdinals.SmActive]);
        Assert.IsEmpty(collector.Counters.Errors);
    }

    [TestMethod]
    public async Task AFailedSampleIsCountedAndTheNextMetricWaitsForTwoGoodSamples()
    {
        var (nvml, time) = Hopper();
        await using var collector = await NvmlCollectors.StartedAsync(nvml, time);
        await collector.CollectAsync(CancellationToken.None);

        nvml.Gpus[0].Fail(nameof(INvml.GpmSampleGet), NvmlReturn.Unknown);
        time.Advance(TimeSpan.FromSeconds(1));
        var failed = await collector.CollectAsync(CancellationToken.None);
        nvml.Gpus[0].Fail(nameof(INvml.GpmSampleGet), NvmlReturn.Success);
        time.Advance(TimeSpan.FromSeconds(1));
        var firstAgain = await collector.CollectAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        var secondAgain = await collector.CollectAsync(CancellationToken.None);

        Assert.IsNull(failed[0].Values[FieldOrdinals.SmActive]);
        Assert.AreEqual(1, collector.Counters.Errors["nvmlGpmSampleGet: NVML_ERROR_UNKNOWN"]);
        Assert.IsNull(firstAgain[0].Values[FieldOrdinals.SmActive]);
        Assert.AreEqual(0.88, secondAgain[0].Values[FieldOrdinals.SmActive]);
    }

    [TestMethod]
    public async Task EachGpuKeepsItsOwnPreviousSample()
    {
        var (nvml, time) = Hopper();
        nvml.AddGpu("GPU-2").Gpm = new Dictionary<NvmlGpmMetricId, double> { [NvmlGpmMetricId.SmUtil] = 10 };
        await using var collector = await NvmlCollectors.StartedAsync(nvml, time);

        await collector.CollectAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        var second = await collector.CollectAsync(CancellationToken.None);

        Assert.AreEqual(0.88, second[0].Values[FieldOrdinals.SmActive]);
        Assert.AreEqual(0.10, second[1].Values[FieldOrdinals.SmActive]);
        Assert.HasCount(4, nvml.LiveSamples, "two buffers per GPU, reused");
    }

    [TestMethod]
    public async Task TheSamplesOfAGpuThatIsGoneAreFreed()
    {
        var (nvml, time) = Hopper();
        nvml.AddGpu("GPU-2").Gpm = HopperUnderLoad;
        await using var collector = await NvmlCollectors.StartedAsync(nvml, time);
        await collector.CollectAsync(CancellationToken.None);

        nvml.Gpus.RemoveAt(1);
        time.Advance(TimeSpan.FromSeconds(1));
        await collector.CollectAsync(CancellationToken.None);

        Assert.HasCount(2, nvml.LiveSamples);
    }

    [TestMethod]
    public async Task DisposingFreesEverySampleBeforeNvmlShutsDown()
    {
        var (nvml, time) = Hopper();
        var collector = await NvmlCollectors.StartedAsync(nvml, time);
        await collector.CollectAsync(CancellationToken.None);

        await collector.DisposeAsync();

        Assert.IsEmpty(nvml.LiveSamples);
        Assert.AreEqual(0, nvml.LiveSamplesAtShutdown);
        Assert.AreEqual(1, nvml.ShutdownCalls);
    }

    private static (FakeNvml Nvml, FakeTimeProvider Time) Hopper()
    {
        var nvml = new FakeNvml();
        nvml.AddGpu(Uuid, "NVIDIA H100 PCIe").Gpm = HopperUnderLoad;
        return (nvml, new FakeTimeProvider());
    }

    private static async Task<double?[]> SecondCollectionAsync()
    {
        var (nvml, time) = Hopper();
        await using var collector = await NvmlCollectors.StartedAsync(nvml, time);
        await collector.CollectAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        return (await collector.CollectAsync(CancellationToken.None))[0].Values;
    }
}
