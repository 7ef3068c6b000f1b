namespace Telemetry.Analytics.Health;

/// <summary>Thresholds of the health analysis. Every default is documented; <see cref="Validate"/> names a bad setting.</summary>
public sealed class HealthOptions
{
    /// <summary>
    /// Power of the known models, idle and at most. TDPs from NVIDIA's datasheets (HGX B200 1000 W, GB200 1200 W per GPU,
    /// H100 and H200 SXM 700 W, H100 PCIe 350 W, A100 SXM4 400 W, L40S 350 W). Idle power from the real captures in
    /// <c>shared/fixtures</c> where there is one (H100 80GB HBM3: 69.85 W; L40S: 35.686 W), else a tenth of the TDP,
    /// the ratio the H100 capture shows. More specific names come first.
    /// </summary>
    public static IReadOnlyList<GpuPowerProfile> DefaultPowerProfiles { get; } =
    [
        new("GB200", 120, 1200),
        new("B200", 100, 1000),
        new("H200", 70, 700),
        new("H100 PCIe", 35, 350),
        new("H100", 69.85, 700),
        new("A100", 40, 400),
        new("L40S", 35.686, 350),
    ];

    /// <summary>
    /// Memory temperature above which a GPU's HBM is too hot, for models without an entry in <see cref="HbmTempLimits"/>.
    /// Default 95 °C: the "Memory Max Operating Temp" that <c>nvidia-smi -q</c> reports for A100 (HBM2e) and H100/H800
    /// (HBM3), DCGM's <c>DCGM_FI_DEV_MEM_MAX_OP_TEMP</c>, above which the GPU slows down.
    /// </summary>
    public double HbmTempLimitCelsius { get; set; } = 95;

    /// <summary>Memory temperature limits by model name, first match wins. Default none: every model uses <see cref="HbmTempLimitCelsius"/>.</summary>
    public IReadOnlyList<HbmTempLimit> HbmTempLimits { get; set; } = [];

    /// <summary>Idle and maximum power by model, for <see cref="BusyPowerFraction"/>. Default <see cref="DefaultPowerProfiles"/>; a model without one is not checked.</summary>
    public IReadOnlyList<GpuPowerProfile> PowerProfiles { get; set; } = DefaultPowerProfiles;

    /// <summary>
    /// A GPU counts as busy by power when its mean power is at least idle + this share of (TDP − idle); it is then
    /// flagged when its SM and tensor activity read zero or nothing for the whole window. Default 0.25.
    /// </summary>
    public double BusyPowerFraction { get; set; } = 0.25;

    /// <summary>Windows in a row that hold the same non-zero XID value before the XID field counts as never clearing. Default 60.</summary>
    public int StuckXidWindows { get; set; } = 60;

    /// <summary>Windows in a row without data from a GPU or node seen before, while others report, before it counts as missing. Default 3.</summary>
    public int StaleWindows { get; set; } = 3;

    /// <summary>A window whose samples cover less than this share of its time has low coverage. Default 0.5.</summary>
    public double MinCoverage { get; set; } = 0.5;

    /// <summary>Share of the observed time a GPU may spend throttled before throttling is a warning rather than information. Default 0.05.</summary>
    public double ThrottleWarningShare { get; set; } = 0.05;

    /// <summary>Nodes that should report; one that never does in the period is an <see cref="HealthKinds.AgentMissing"/> finding. Default none.</summary>
    public IReadOnlyList<string> ExpectedNodes { get; set; } = [];

    /// <summary>Throws with a message naming the setting when a value is out of range.</summary>
    public void Validate()
    {
        Check(HbmTempLimitCelsius is > 0 and < 200, nameof(HbmTempLimitCelsius), "must be between 0 and 200 °C");
        Check(HbmTempLimits.All(l => !string.IsNullOrWhiteSpace(l.Match) && l.LimitCelsius is > 0 and < 200),
            nameof(HbmTempLimits), "must name a model and a limit between 0 and 200 °C in every entry");
        Check(PowerProfiles.All(p => !string.IsNullOrWhiteSpace(p.Match) && p.IdleWatts >= 0 && p.TdpWatts > p.IdleWatts),
            nameof(PowerProfiles), "must name a model, with 0 <= idle watts < TDP watts, in every entry");
        Check(BusyPowerFraction is > 0 and < 1, nameof(BusyPowerFraction), "must be between 0 and 1");
        Check(StuckXidWindows >= 2, nameof(StuckXidWindows), "must be at least 2");
        Check(StaleWindows >= 1, nameof(StaleWindows), "must be at least 1");
        Check(MinCoverage is > 0 and <= 1, nameof(MinCoverage), "must be above 0 and at most 1");
        Check(ThrottleWarningShare is >= 0 and <= 1, nameof(ThrottleWarningShare), "must be between 0 and 1");
        Check(ExpectedNodes.All(n => !string.IsNullOrWhiteSpace(n)), nameof(ExpectedNodes), "must not hold an empty name");
    }

    /// <summary>The memory temperature limit of a model.</summary>
    public double HbmTempLimitFor(string model) =>
        HbmTempLimits.FirstOrDefault(l => model.Contains(l.Match, StringComparison.OrdinalIgnoreCase))?.LimitCelsius ?? HbmTempLimitCelsius;

    /// <summary>The power profile of a model, or null for a model without one.</summary>
    public GpuPowerProfile? PowerProfileFor(string model) =>
        PowerProfiles.FirstOrDefault(p => model.Contains(p.Match, StringComparison.OrdinalIgnoreCase));

    private static void Check(bool ok, string setting, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException($"Health:{setting} {rule}.", setting);
        }
    }
}
