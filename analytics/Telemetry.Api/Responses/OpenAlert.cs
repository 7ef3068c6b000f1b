using Telemetry.Alerting;

namespace Telemetry.Api.Responses;

/// <summary>One firing alert as the API lists it.</summary>
/// <param name="Labels">The identifying labels, sorted by name.</param>
/// <param name="Annotations">Summary, description, action and the like.</param>
/// <param name="StartsAt">When the condition started.</param>
/// <param name="Fingerprint">Alertmanager's fingerprint of the labels, as webhook receivers see it.</param>
/// <param name="Severity">critical or warning.</param>
public sealed record OpenAlert(
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset StartsAt,
    string Fingerprint,
    string? Severity)
{
    /// <summary>The view of an alert.</summary>
    public static OpenAlert Of(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new(alert.Labels, alert.Annotations, alert.StartsAt, alert.Fingerprint, alert.Labels.GetValueOrDefault(AlertLabels.Severity));
    }
}
