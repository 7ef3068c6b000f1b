using Telemetry.Analytics.Reporting;
using Telemetry.Analytics.Windows;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Reporting;

[TestClass]
public sealed class JobFiguresTests
{
    [TestMethod]
    public void EachWorkingJobIsComparedWithTheMedianOfWorkingJobsOnItsModel()
    {
        var windows = new[]
        {
            Job("a", "NVIDIA H100 80GB HBM3", tflop: 1000, joules: 1000, busy: 60),
            Job("b", "NVIDIA H100 80GB HBM3", tflop: 2000, joules: 1000, busy: 60),
            Job("c", "NVIDIA H100 80GB HBM3", tflop: 3000, joules: 1000, busy: 60),
            Job("idle", "NVIDIA H100 80GB HBM3", tflop: 0, joules: 1000, busy: 0),
            Job("other-model", "NVIDIA A100-SXM4-80GB", tflop: 500, joules: 1000, busy: 60),
        };

        var jobs = ReportBuilder.Build([], windows, null).Jobs;
        var report = ReportBuilder.Build(
            new LedgerData([new GpuWindow(T0, At(60), "n", "GPU-x", 0, null, "m", null, 1, 1, null, null, null, null, null, null, null, null, 0, 0, 0, 0, 0, null, null, null, null, 0, 0, 0, 0, 0, 0)], windows, [], []),
            new ReportOptions()).Jobs.ToDictionary(j => j.JobId);

        Assert.IsEmpty(jobs, "no GPU windows, no report");
        Assert.AreEqual(0.5, report["a"].TflopsPerWattVsModelMedian!.Value, 1e-12);
        Assert.AreEqual(1.0, report["b"].TflopsPerWattVsModelMedian!.Value, 1e-12);
        Assert.AreEqual(1.5, report["c"].TflopsPerWattVsModelMedian!.Value, 1e-12);
        Assert.IsNull(report["idle"].TflopsPerWattVsModelMedian, "an idle reservation is not compared");
        Assert.AreEqual(1.0, report["other-model"].TflopsPerWattVsModelMedian!.Value, 1e-12, "alone on its model");
    }

    [TestMethod]
    [DataRow(new double[] { 3, 1, 2 }, 2.0)]
    [DataRow(new double[] { 4, 1, 3, 2 }, 2.5)]
    public void TheMedianIsTheMiddleValueOrTheMeanOfTheMiddleTwo(double[] values, double median)
    {
        Assert.AreEqual(median, JobFigures.Median(values));
    }

    private static JobWindow Job(string id, string model, double tflop, double joules, double busy) =>
        new(T0, At(60), id, "u", "t", model, 1, 60, busy, joules, tflop, 0, null, joules);
}
