using Microsoft.Extensions.Time.Testing;
using Telemetry.Alerting;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Queries;
using Telemetry.Api.Scoping;

namespace Telemetry.Api.Tests.Support;

/// <summary>The API over a real ledger of <see cref="SampleFleet"/>, with a clock at <see cref="SampleFleet.Now"/>.</summary>
internal sealed class Apis : IDisposable
{
    private readonly TempDirectory _ledger = new();

    public Apis(bool withWindows = true)
    {
        if (withWindows)
        {
            SampleFleet.WriteTo(_ledger.Path);
        }

        Store = new LedgerQueryStore(new LedgerReader(_ledger.Path));
    }

    public string LedgerPath => _ledger.Path;

    public FakeTimeProvider Clock { get; } = new(SampleFleet.Now);

    public ITelemetryQueries Store { get; }

    /// <summary>Finance of team llm by name, vision by group; sre holds the fleet role.</summary>
    public static ApiScopingOptions Scoping() => new()
    {
        Enabled = true,
        CostCentres = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["finance-llm@example.com"] = ["llm"],
            ["vision-group-id"] = ["vision"],
        },
        FleetRoles = ["sre"],
    };

    public TelemetryApi Open(ApiScopingOptions? scoping = null, AlertPipeline? alerts = null) =>
        new(Store, Clock, new ApiOptions { Scoping = scoping ?? new ApiScopingOptions() }, alerts);

    public void Dispose() => _ledger.Dispose();
}
