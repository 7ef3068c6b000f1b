using Microsoft.Extensions.Options;

namespace Telemetry.Alerting.Routing;

/// <summary>Checks <see cref="AlertRoutingOptions"/>; each problem names its setting, such as <c>Alerting:Routing:GroupWait</c>.</summary>
public sealed class AlertRoutingOptionsValidator : IValidateOptions<AlertRoutingOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, AlertRoutingOptions options) => Check(options).Result();

    /// <summary>Throws <see cref="OptionsValidationException"/> naming every bad setting.</summary>
    public static void ThrowIfInvalid(AlertRoutingOptions options) => Check(options).ThrowIfAny(typeof(AlertRoutingOptions));

    internal static OptionsProblems Check(AlertRoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new OptionsProblems(AlertRoutingOptions.SectionName);
        var groupBy = options.GroupBy ?? [];
        for (var i = 0; i < groupBy.Count; i++)
        {
            problems.Check(!string.IsNullOrWhiteSpace(groupBy[i]), $"GroupBy:{i}", $"must name a label such as alertname or node");
        }

        problems.Duration(options.GroupWait, "GroupWait", TimeSpan.Zero, TimeSpan.FromHours(1));
        problems.Duration(options.GroupInterval, "GroupInterval", TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        problems.Duration(options.RepeatInterval, "RepeatInterval", options.GroupInterval, TimeSpan.FromDays(30));
        problems.Check(options.MaxAlerts >= 0, "MaxAlerts", $"must be 0 (no limit) or more (was {options.MaxAlerts})");
        problems.Check(options.ExternalUrl is null || options.ExternalUrl.IsAbsoluteUri, "ExternalUrl", $"must be an absolute URL (was '{options.ExternalUrl}')");
        return problems;
    }
}
