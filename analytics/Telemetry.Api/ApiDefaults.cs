namespace Telemetry.Api;

/// <summary>The defaults and bounds of the API's query parameters.</summary>
public static class ApiDefaults
{
    /// <summary>The range a request covers when it gives no <c>from</c>: a day before <c>to</c> (which defaults to now).</summary>
    public static readonly TimeSpan Range = TimeSpan.FromHours(24);

    /// <summary>GPUs on a page of <c>/api/gpus</c> when the caller gives no <c>limit</c>.</summary>
    public const int GpuLimit = 500;

    /// <summary>The most GPUs a page of <c>/api/gpus</c> holds.</summary>
    public const int MaxGpuLimit = 5000;

    /// <summary>Entries of <c>/api/waste</c> when the caller gives no <c>limit</c>.</summary>
    public const int WasteLimit = 20;

    /// <summary>The most entries <c>/api/waste</c> returns (the query stores' own bound).</summary>
    public const int MaxWasteLimit = 1000;

    /// <summary>The most teams cost-centre scoping may name in all (the query stores' bound on a team filter).</summary>
    public const int MaxScopeTeams = 1000;
}
