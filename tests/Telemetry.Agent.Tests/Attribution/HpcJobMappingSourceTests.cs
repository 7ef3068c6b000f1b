using Telemetry.Agent.Attribution;
using Telemetry.Contract.Messages;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Tests.Attribution;

[TestClass]
public sealed class HpcJobMappingSourceTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly GpuIdentity[] Gpus =
    [
        new("node-1", "GPU-aaaa", 0, "NVIDIA H100 80GB HBM3"),
        new("node-1", "GPU-bbbb", 1, "NVIDIA H100 80GB HBM3"),
        new("node-1", "GPU-cccc", 2, "NVIDIA A100-SXM4-80GB", MigInstance: 3, MigProfile: "3g.40gb"),
    ];

    private string _directory = null!;

    [TestInitialize]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("hpc-map-").FullName;

    [TestCleanup]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [TestMethod]
    public void FilesNamedByGpuIndexStartTheJobTheyName()
    {
        File.WriteAllText(Path.Combine(_directory, "0"), "4242\n");
        File.WriteAllText(Path.Combine(_directory, "1"), "4242\n");

        var start = Assert.ContainsSingle(Source().Poll(Now));

        Assert.AreEqual((AllocationEventType.Start, "4242", "node-1"), (start.Type, start.JobId, start.Node));
        CollectionAssert.AreEqual(new[] { "GPU-aaaa", "GPU-bbbb" }, start.GpuUuids.ToArray());
    }

    [TestMethod]
    public void AnIndexDotInstanceFileNamesAMigInstance()
    {
        File.WriteAllText(Path.Combine(_directory, "2.3"), "77\n");

        var start = Assert.ContainsSingle(Source().Poll(Now));

        CollectionAssert.AreEqual(new[] { "GPU-cccc/3" }, start.GpuUuids.ToArray());
    }

    [TestMethod]
    public void RemovingTheFileStopsTheJob()
    {
        var source = Source();
        var file = Path.Combine(_directory, "0");
        File.WriteAllText(file, "4242");
        source.Poll(Now);
        File.Delete(file);

        var stop = Assert.ContainsSingle(source.Poll(Now.AddMinutes(3)));

        Assert.AreEqual((AllocationEventType.Stop, "4242", Now.AddMinutes(3)), (stop.Type, stop.JobId, stop.Time));
    }

    [TestMethod]
    public void ASharedGpuIsChargedToTheFirstJobListed()
    {
        File.WriteAllText(Path.Combine(_directory, "0"), "\n  901  \n902\n");

        var start = Assert.ContainsSingle(Source().Poll(Now));

        Assert.AreEqual("901", start.JobId);
    }

    [TestMethod]
    public void FilesThatBreakABoundOrNameNoGpuAreSkippedAndCounted()
    {
        File.WriteAllText(Path.Combine(_directory, "0"), new string('9', HpcJobMappingSource.MaxFileBytes + 1));
        File.WriteAllText(Path.Combine(_directory, "1"), "job\u0007bell");
        File.WriteAllText(Path.Combine(_directory, "7"), "4242");
        File.WriteAllText(Path.Combine(_directory, "README"), "4242");
        var source = Source();

        var events = source.Poll(Now);

        Assert.IsEmpty(events);
        Assert.AreEqual(1, source.Skipped["too-large"]);
        Assert.AreEqual(1, source.Skipped["bad-job-id"]);
        Assert.AreEqual(2, source.Skipped["unknown-gpu"]);
    }

    [TestMethod]
    public void AMissingDirectoryMeansNoJobs()
    {
        var source = new HpcJobMappingSource(Path.Combine(_directory, "absent"), () => Gpus, "node-1");

        Assert.IsEmpty(source.Poll(Now));
    }

    private HpcJobMappingSource Source() => new(_directory, () => Gpus, "node-1");
}
