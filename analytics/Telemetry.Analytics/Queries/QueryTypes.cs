namespace Telemetry.Analytics.Queries;

/// <summary>A half-open time range [From, To).</summary>
/// <param name="From">Start, inclusive.</param>
/// <param name="To">End, exclusive.</param>
public sealed record TimeRange(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The longest range a query may ask for.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(400);

    /// <summary>Checks the range.</summary>
    /// <exception cref="ArgumentException">It is empty, reversed or longer than <see cref="Longest"/>.</exception>
    public void Validate()
    {
        if (To <= From)
        {
            throw new InvalidQueryException($"The range must end after it starts (from {From:O}, to {To:O}).", "to");
        }

        if (To - From > Longest)
        {
            throw new InvalidQueryException($"The range may span at most {Longest.TotalDays:0} days (from {From:O}, to {To:O}).", "to");
        }
    }
}

/// <summary>What energy can be grouped by.</summary>
public enum GroupBy
{
    /// <summary>By team.</summary>
    Team,

    /// <summary>By job.</summary>
    Job,

    /// <summary>By GPU model.</summary>
    Model,

    /// <summary>By site.</summary>
    Site,
}

/// <summary>Which GPUs to list; null matches all.</summary>
/// <param name="State">A state name (productive, allocated-idle, ...).</param>
/// <param name="Node">A node name.</param>
/// <param name="Model">A GPU model (product name).</param>
public sealed record GpuFilter(string? State = null, string? Node = null, string? Model = null);

/// <summary>The fleet in one window.</summary>
/// <param name="WindowStart">Start of the window.</param>
/// <param name="WindowEnd">End of the window.</param>
/// <param name="Gpus">GPUs with samples.</param>
/// <param name="GpusByState">GPUs by the state they spent most of the window in.</param>
/// <param name="GpusByModel">GPUs by model.</param>
/// <param name="PowerWatts">Mean power of the fleet over the window.</param>
/// <param name="UtilizationMean">Mean GPU utilization (percent) over the GPUs that reported it; null when none did.</param>
/// <param name="EnergyJoules">Energy drawn in the window.</param>
/// <param name="CostPerHour">The window's energy cost as an hourly rate; null when sites bill in several currencies.</param>
public sealed record FleetSummary(
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    int Gpus,
    IReadOnlyDictionary<string, int> GpusByState,
    IReadOnlyDictionary<string, int> GpusByModel,
    double PowerWatts,
    double? UtilizationMean,
    double EnergyJoules,
    double? CostPerHour);

/// <summary>One GPU in one window.</summary>
/// <param name="Node">Node.</param>
/// <param name="GpuIndex">Index on the node.</param>
/// <param name="GpuUuid">UUID.</param>
/// <param name="Model">Model.</param>
/// <param name="State">The state it spent most of the window in; null when not known.</param>
/// <param name="JobId">The job that held it, or null.</param>
/// <param name="UtilizationMean">Mean utilization, percent.</param>
/// <param name="PowerWatts">Mean power.</param>
/// <param name="GpuTempMax">Hottest GPU temperature, °C.</param>
/// <param name="MemoryTempMax">Hottest HBM temperature, °C.</param>
/// <param name="WindowStart">The window.</param>
public sealed record GpuStatus(
    string Node,
    int GpuIndex,
    string GpuUuid,
    string Model,
    string? State,
    string? JobId,
    double? UtilizationMean,
    double? PowerWatts,
    double? GpuTempMax,
    double? MemoryTempMax,
    DateTimeOffset WindowStart);

/// <summary>One job over one window.</summary>
/// <param name="WindowStart">The window.</param>
/// <param name="Gpus">GPUs held.</param>
/// <param name="GpuSeconds">GPU-seconds held.</param>
/// <param name="EnergyJoules">Energy.</param>
/// <param name="Tflop">Estimated tensor TFLOP.</param>
/// <param name="Tokens">Tokens (or samples) reported.</param>
/// <param name="Cost">Energy cost.</param>
public sealed record JobPoint(DateTimeOffset WindowStart, int Gpus, double GpuSeconds, double EnergyJoules, double Tflop, long Tokens, double? Cost)
{
    /// <summary>TFLOP per joule (TFLOPS per watt); null without energy.</summary>
    public double? TflopsPerWatt => EnergyJoules > 0 ? Tflop / EnergyJoules : null;

    /// <summary>Tokens per joule; null without energy or tokens.</summary>
    public double? TokensPerJoule => EnergyJoules > 0 && Tokens > 0 ? Tokens / EnergyJoules : null;
}

/// <summary>One job's efficiency over a range.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Team">Its team.</param>
/// <param name="User">Its user.</param>
/// <param name="Model">Its GPU model, when known.</param>
/// <param name="Currency">The currency of its cost.</param>
/// <param name="GpuSeconds">GPU-seconds held.</param>
/// <param name="BusyGpuSeconds">GPU-seconds busy.</param>
/// <param name="EnergyJoules">Energy.</param>
/// <param name="Tflop">Estimated tensor TFLOP.</param>
/// <param name="Tokens">Tokens reported.</param>
/// <param name="Cost">Energy cost.</param>
/// <param name="Series">Window by window, in time order.</param>
public sealed record JobEfficiency(
    string JobId,
    string Team,
    string User,
    string? Model,
    string? Currency,
    double GpuSeconds,
    double BusyGpuSeconds,
    double EnergyJoules,
    double Tflop,
    long Tokens,
    double? Cost,
    IReadOnlyList<JobPoint> Series)
{
    /// <summary>GPU-seconds held idle.</summary>
    public double IdleGpuSeconds => GpuSeconds - BusyGpuSeconds;

    /// <summary>TFLOP per joule over the range.</summary>
    public double? TflopsPerWatt => EnergyJoules > 0 ? Tflop / EnergyJoules : null;

    /// <summary>Tokens per joule over the range.</summary>
    public double? TokensPerJoule => EnergyJoules > 0 && Tokens > 0 ? Tokens / EnergyJoules : null;
}

/// <summary>Energy and cost of one group over a range.</summary>
/// <param name="Key">The team, job, model or site.</param>
/// <param name="Currency">The cost's currency (a group billed in two currencies appears once per currency).</param>
/// <param name="EnergyJoules">Energy.</param>
/// <param name="GpuSeconds">GPU-seconds held.</param>
/// <param name="Tokens">Tokens reported.</param>
/// <param name="Cost">Energy cost.</param>
public sealed record GroupEnergy(string Key, string Currency, double EnergyJoules, double GpuSeconds, long Tokens, double Cost);

/// <summary>Waste of one class, team and model over a range.</summary>
/// <param name="Class">Waste class.</param>
/// <param name="Team">Team, or 'unallocated'.</param>
/// <param name="Model">GPU model.</param>
/// <param name="Currency">The cost's currency.</param>
/// <param name="GpuSeconds">GPU-seconds lost.</param>
/// <param name="EnergyJoules">Energy drawn meanwhile.</param>
/// <param name="Cost">Its energy cost.</param>
public sealed record WasteEntry(string Class, string Team, string Model, string Currency, double GpuSeconds, double EnergyJoules, double Cost);
