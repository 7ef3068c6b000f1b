using Telemetry.Analytics.Health;

namespace Telemetry.Alerting.Rules;

/// <summary>
/// An XID whose catalog severity is critical: fires on the window it appears in, with the catalog's action, and
/// resolves once the GPU has gone the quiet period without it. One alert per GPU and code.
/// </summary>
internal sealed class CriticalXidRule(CriticalXidRuleOptions options, AlertFactory factory) : IAlertRule
{
    private readonly EpisodeTracker<((string, string, int?) Gpu, long Code), (GpuRef Gpu, string? Team)> _episodes = new();

    public void Evaluate(WindowContext context, List<Alert> firing)
    {
        foreach (var w in context.Window.Gpus)
        {
            // A window knows how many XIDs appeared in it and the last code only, as the health analysis reads it.
            if (w.XidCount > 0 && w.XidLast != 0 && XidCatalog.Find(w.XidLast).Severity == HealthSeverity.Critical)
            {
                var gpu = GpuRef.Of(w);
                _episodes.Hit((gpu.Key, w.XidLast), context.Start, context.End, w.XidCount, (gpu, context.TeamOf(gpu.JobId)));
            }
        }

        foreach (var (key, episode) in _episodes.Open(context.End, options.QuietPeriod))
        {
            var xid = XidCatalog.Find(key.Code);
            var (gpu, team) = episode.Context;
            var text = new AlertText(
                $"XID {xid.Code} ({xid.Mnemonic}) on {gpu.Describe()}",
                $"{xid.Description}. {episode.Total} event(s) since {Durations.At(episode.Since)}, the last in the window ending "
                + $"{Durations.At(episode.LastHitEnd)}; NVIDIA's immediate action: {xid.ResolutionBucket}.",
                xid.Action);
            firing.Add(factory.ForGpu(AlertNames.GpuCriticalXid, AlertSeverity.Critical, AlertFactory.Time(episode.Since), text, gpu, team,
                (AlertLabels.Xid, key.Code.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
    }
}
