using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Telemetry.Api;

namespace Telemetry.Functions;

/// <summary>
/// The API's HTTP functions: each hands its request to the shared <see cref="TelemetryApi"/>, whose
/// <see cref="IResult"/> the worker's ASP.NET Core integration executes. Function keys are required; the host reads
/// them from <c>?code=</c> or <c>x-functions-key</c>.
/// </summary>
/// <param name="api">The handlers the aggregator's local host runs too.</param>
internal sealed class ApiFunctions(TelemetryApi api)
{
    /// <summary><c>GET /api/fleet</c>.</summary>
    [Function("fleet")]
    public Task<IResult> FleetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "fleet")] HttpRequest request, CancellationToken cancellationToken) =>
        api.FleetAsync(request, cancellationToken);

    /// <summary><c>GET /api/gpus</c>.</summary>
    [Function("gpus")]
    public Task<IResult> GpusAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "gpus")] HttpRequest request, CancellationToken cancellationToken) =>
        api.GpusAsync(request, cancellationToken);

    /// <summary><c>GET /api/jobs/{id}</c>.</summary>
    [Function("job")]
    public Task<IResult> JobAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "jobs/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        api.JobAsync(request, id, cancellationToken);

    /// <summary><c>GET /api/energy</c>.</summary>
    [Function("energy")]
    public Task<IResult> EnergyAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "energy")] HttpRequest request, CancellationToken cancellationToken) =>
        api.EnergyAsync(request, cancellationToken);

    /// <summary><c>GET /api/waste</c>.</summary>
    [Function("waste")]
    public Task<IResult> WasteAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "waste")] HttpRequest request, CancellationToken cancellationToken) =>
        api.WasteAsync(request, cancellationToken);

    /// <summary><c>GET /api/alerts</c>.</summary>
    [Function("alerts")]
    public Task<IResult> AlertsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "alerts")] HttpRequest request, CancellationToken cancellationToken) =>
        api.AlertsAsync(request, cancellationToken);
}
