using Microsoft.Extensions.Time.Testing;
using Telemetry.Analytics.Windows;
using Telemetry.Contract.Messages;
using Telemetry.Contract.Samples;

namespace Telemetry.Analytics.Tests.Support;

/// <summary>GPUs, partitions and times the tests share. Event time starts at a minute boundary, so windows start at offsets of 0, 60, 120 s.</summary>
internal static class TestFleet
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly GpuIdentity H100 = new("node-1", "GPU-11111111-1111-1111-1111-111111111111", 0, "NVIDIA H100 80GB HBM3");

    public static readonly GpuIdentity OtherH100 = new("node-1", "GPU-22222222-2222-2222-2222-222222222222", 1, "NVIDIA H100 80GB HBM3");

    public static readonly SourcePartition Samples0 = new(Topics.Samples, 0);

    public static readonly SourcePartition Samples1 = new(Topics.Samples, 1);

    public static readonly SourcePartition Throughput0 = new(Topics.Throughput, 0);

    public static long T0 => Start.ToUnixTimeMilliseconds();

    /// <summary>Event time this many seconds after <see cref="Start"/>, Unix milliseconds.</summary>
    public static long At(double seconds) => T0 + (long)Math.Round(seconds * 1000);

    /// <summary>A processing-time clock an hour after the data, so no sample counts as from the future.</summary>
    public static FakeTimeProvider Clock() => new(Start.AddHours(1));

    public static AllocationEvent StartJob(string jobId, double seconds, params GpuIdentity[] gpus) =>
        new(AllocationEventType.Start, Start.AddSeconds(seconds), "node-1", [.. gpus.Select(g => g.Uuid)], jobId, "alice", "llm");

    public static AllocationEvent StopJob(string jobId, double seconds, params GpuIdentity[] gpus) =>
        new(AllocationEventType.Stop, Start.AddSeconds(seconds), "node-1", [.. gpus.Select(g => g.Uuid)], jobId, "alice", "llm");
}
