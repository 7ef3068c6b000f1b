namespace Telemetry.Analytics.Windows;

/// <summary>
/// The fleet over one closed window. Conservation holds by construction and is checked in tests: the energy of all
/// jobs plus unallocated plus unattributed energy equals the fleet's energy.
/// </summary>
/// <param name="WindowStart">Window start, Unix ms.</param>
/// <param name="WindowEnd">Window end, Unix ms.</param>
/// <param name="Gpus">GPUs with samples in the window.</param>
/// <param name="Samples">Samples aggregated.</param>
/// <param name="EnergyJoules">The fleet's energy.</param>
/// <param name="JobEnergyJoules">Energy charged to jobs.</param>
/// <param name="UnallocatedJoules">Energy of GPUs no job held.</param>
/// <param name="UnattributedJoules">Energy whose allocation events never arrived: nobody can say whose it was.</param>
/// <param name="Gaps">Gaps between samples longer than the integration bound.</param>
/// <param name="CounterResets">Energy counter resets.</param>
/// <param name="GpusAgreeing">GPU windows whose counter and integrated energy agree.</param>
/// <param name="GpusDisagreeing">GPU windows whose two sources disagree.</param>
/// <param name="GpusSingleSource">GPU windows with one source only.</param>
/// <param name="GpusWithGaps">GPU windows with a gap.</param>
public sealed record FleetWindow(
    long WindowStart,
    long WindowEnd,
    int Gpus,
    long Samples,
    double EnergyJoules,
    double JobEnergyJoules,
    double UnallocatedJoules,
    double UnattributedJoules,
    int Gaps,
    int CounterResets,
    int GpusAgreeing,
    int GpusDisagreeing,
    int GpusSingleSource,
    int GpusWithGaps);
