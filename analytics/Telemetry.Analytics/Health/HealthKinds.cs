namespace Telemetry.Analytics.Health;

/// <summary>The kinds of <see cref="HealthFinding"/>, and what each one's count counts.</summary>
public static class HealthKinds
{
    /// <summary>XID errors of one code on one GPU; counts XID events.</summary>
    public const string Xid = "xid";

    /// <summary>Double-bit (uncorrectable) ECC errors; counts errors.</summary>
    public const string EccDoubleBit = "ecc-dbe";

    /// <summary>Rows remapped after uncorrectable errors, waiting for a GPU reset to take effect; counts rows.</summary>
    public const string RowRemapPending = "row-remap-pending";

    /// <summary>Row remapping failed: the GPU is out of spare memory rows; counts windows with the flag set.</summary>
    public const string RowRemapFailure = "row-remap-failure";

    /// <summary>Clocks held down by thermal slowdown or the power brake; counts windows with throttling.</summary>
    public const string Throttling = "throttling";

    /// <summary>Memory (HBM) temperature above its limit; counts windows above it.</summary>
    public const string HbmTemperature = "hbm-temperature";

    /// <summary>Data quality: power says the GPU works while its profiling counters read zero or nothing; counts windows.</summary>
    public const string ProfilingZeroWhileBusy = "profiling-zero-while-busy";

    /// <summary>Data quality: the XID field keeps one code window after window (a gauge that never clears); counts windows.</summary>
    public const string XidGaugeStuck = "xid-gauge-stuck";

    /// <summary>Data quality: a GPU seen before has no windows while its node still reports; counts missing windows.</summary>
    public const string GpuMissing = "gpu-missing";

    /// <summary>Data quality: a node seen before sends nothing while other nodes report; counts missing windows.</summary>
    public const string AgentStale = "agent-stale";

    /// <summary>Data quality: an expected node never reported in the period; counts windows of the period.</summary>
    public const string AgentMissing = "agent-missing";

    /// <summary>Data quality: windows whose samples cover less than the configured share of their time; counts windows.</summary>
    public const string LowCoverage = "low-coverage";

    /// <summary>Data quality: a collector received DCGM's or NVML's "no value" for a field; counts blank values.</summary>
    public const string SentinelValues = "sentinel-values";
}
