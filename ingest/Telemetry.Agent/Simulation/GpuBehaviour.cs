using Telemetry.Contract.Fields;
using F = Telemetry.Contract.Fields.FieldOrdinals;

namespace Telemetry.Agent.Simulation;

/// <summary>
/// What a GPU reads at one second, from what it is doing: activity by job kind, power from activity, temperatures
/// from power, clocks from throttling. Pure: the same GPU, job and second always give the same readings.
/// </summary>
internal static class GpuBehaviour
{
    private const int CheckpointEverySeconds = 900;
    private const int CheckpointSeconds = 40;

    /// <summary>Activity of one second.</summary>
    internal readonly record struct Activity(double Sm, double Tensor, double Dram, double MemoryUsedShare, double Nvlink, double Load);

    /// <summary>Fills <see cref="SimulatedGpu.Readings"/> for this second and returns the power drawn.</summary>
    public static double Read(SimulatedGpu gpu, SimulatedJob? job, long unixMs, ulong seed)
    {
        var second = unixMs / 1000;
        var activity = ActivityOf(gpu, job, second, seed);
        var model = gpu.Model;
        var throttled = gpu.ThermalThrottle is { } th && unixMs >= th.FromUnixMs && unixMs < th.ToUnixMs;
        var clockRatio = throttled ? 0.62 : 1.0;
        var busy = activity.Sm > 0.02;

        var utilisation = (0.25 * activity.Sm) + (0.6 * activity.Tensor) + (0.3 * activity.Dram);
        var power = model.IdlePowerWatts + ((model.TdpWatts - model.IdlePowerWatts) * Math.Min(1, utilisation) * clockRatio);
        power *= 1 + (0.015 * Noise.Signed(seed, gpu.GlobalIndex, second, 0));
        power = Math.Clamp(power, model.IdlePowerWatts * 0.9, model.TdpWatts);

        var load = (power - model.IdlePowerWatts) / (model.TdpWatts - model.IdlePowerWatts);
        var gpuTemp = 38 + (27 * load) + Noise.Signed(seed, gpu.GlobalIndex, second, 4);
        var memTemp = 46 + (16 * load) + Noise.Signed(seed, gpu.GlobalIndex, second, 6);
        if (throttled)
        {
            gpuTemp = 89 + (2 * Noise.Unit(seed, gpu.GlobalIndex, second, 4));
            memTemp = 94 + (3 * Noise.Unit(seed, gpu.GlobalIndex, second, 6));
        }

        var reasons = throttled
            ? ClockEventReasons.HwThermalSlowdown | ClockEventReasons.SwThermalSlowdown
            : busy ? ClockEventReasons.None : ClockEventReasons.GpuIdle;
        var smClock = busy ? model.MaxSmClockMhz * clockRatio : model.IdleSmClockMhz;
        var xid = gpu.Xid is { } x && unixMs >= x.AtUnixMs ? x.Code : 0;
        var used = Math.Round(model.HbmMiB * activity.MemoryUsedShare);

        var r = gpu.Readings;
        r[F.SmClock] = Math.Round(smClock);
        r[F.MemClock] = model.MemClockMhz;
        r[F.MaxSmClock] = model.MaxSmClockMhz;
        r[F.ClocksEventReasons] = (long)reasons;
        r[F.MemoryTemp] = Math.Round(memTemp);
        r[F.GpuTemp] = Math.Round(gpuTemp);
        r[F.PowerUsage] = Math.Round(power, 3);
        r[F.TotalEnergyConsumption] = gpu.EnergyMilliJoules;
        r[F.EnforcedPowerLimit] = model.TdpWatts;
        r[F.PcieReplayCounter] = 0;
        r[F.GpuUtil] = busy ? Math.Round(Math.Min(100, 100 * (activity.Sm + 0.08))) : 0;
        r[F.MemCopyUtil] = Math.Round(100 * activity.Dram * 0.7);
        r[F.XidErrors] = xid;
        r[F.FbTotal] = model.HbmMiB;
        r[F.FbUsed] = used;
        r[F.FbFree] = model.HbmMiB - used;
        r[F.EccSbeVolatileTotal] = 0;
        r[F.EccDbeVolatileTotal] = xid == 48 ? 1 : 0;
        r[F.GrEngineActive] = Math.Min(1, activity.Sm * 1.04);
        r[F.SmActive] = activity.Sm;
        r[F.SmOccupancy] = activity.Sm * 0.45;
        r[F.PipeTensorActive] = activity.Tensor;
        r[F.DramActive] = activity.Dram;
        r[F.PipeFp64Active] = 0;
        r[F.PipeFp32Active] = activity.Sm * 0.12;
        r[F.PipeFp16Active] = activity.Sm * 0.05;
        r[F.PcieTxBytes] = Math.Round(2e8 * activity.Load);
        r[F.PcieRxBytes] = Math.Round(3e8 * activity.Load);
        r[F.NvlinkTxBytes] = Math.Round(1.2e11 * activity.Nvlink);
        r[F.NvlinkRxBytes] = Math.Round(1.2e11 * activity.Nvlink);
        return power;
    }

    /// <summary>Inference load in [0.05, 1]: slow swings, faster bursts and noise.</summary>
    public static double InferenceLoad(SimulatedGpu gpu, long second, ulong seed)
    {
        var phase = Noise.Unit(seed, gpu.GlobalIndex / 8, 0, 9) * Math.Tau;
        var swing = 0.3 * Math.Sin((Math.Tau * second / 600) + phase);
        var burst = 0.15 * Math.Sin((Math.Tau * second / 97) + (2 * phase));
        return Math.Clamp(0.55 + swing + burst + (0.1 * Noise.Signed(seed, gpu.GlobalIndex, second, 5)), 0.05, 1);
    }

    private static Activity ActivityOf(SimulatedGpu gpu, SimulatedJob? job, long second, ulong seed)
    {
        double N(int channel) => Noise.Signed(seed, gpu.GlobalIndex, second, channel);
        switch (job?.Kind)
        {
            case SimulatedJobKind.Training:
                var elapsed = second - (job.StartUnixMs / 1000);
                if (elapsed % CheckpointEverySeconds >= CheckpointEverySeconds - CheckpointSeconds)
                {
                    return new(0.08 + (0.02 * N(1)), 0.01, 0.05, 0.86, 0.02, 0.1);
                }

                return new(0.92 + (0.03 * N(1)), 0.62 + (0.05 * N(2)), 0.45 + (0.05 * N(3)), 0.86, job.Gpus.Count > 8 ? 0.6 : 0.3, 0.9);
            case SimulatedJobKind.Inference:
                var load = InferenceLoad(gpu, second, seed);
                return new(0.85 * load, 0.42 * load, 0.6 * load, 0.78, 0.1 * load, load);
            case SimulatedJobKind.AllocatedIdle:
                return new(0, 0, 0, 0.012, 0, 0);
            case SimulatedJobKind.MemoryParked:
                return new(0, 0, 0.005, 0.95, 0, 0);
            default:
                return gpu.Zombie ? new(0, 0, 0.003, 0.7, 0, 0) : new(0, 0, 0, 0.006, 0, 0);
        }
    }
}
