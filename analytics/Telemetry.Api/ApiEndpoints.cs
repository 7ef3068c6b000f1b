using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Telemetry.Api;

/// <summary>The API's routes for a minimal-API host, running the same handlers as the Functions app.</summary>
public static class ApiEndpoints
{
    /// <summary>The routes, as the Functions app also serves them (its route prefix is <c>api</c>).</summary>
    public static readonly IReadOnlyList<string> Routes = ["/api/fleet", "/api/gpus", "/api/jobs/{id}", "/api/energy", "/api/waste", "/api/alerts"];

    /// <summary>Maps every route (GET only) to <paramref name="api"/>'s handlers.</summary>
    /// <param name="endpoints">The host's route builder.</param>
    /// <param name="api">The handlers.</param>
    /// <returns>The group of routes, for the host to add conventions (authorization, rate limits) to.</returns>
    public static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints, TelemetryApi api)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(api);
        var group = endpoints.MapGroup("/api");
        group.MapGet("/fleet", Handle(api.FleetAsync));
        group.MapGet("/gpus", Handle(api.GpusAsync));
        group.MapGet("/jobs/{id}", Handle((request, token) => api.JobAsync(request, request.RouteValues["id"] as string ?? "", token)));
        group.MapGet("/energy", Handle(api.EnergyAsync));
        group.MapGet("/waste", Handle(api.WasteAsync));
        group.MapGet("/alerts", Handle(api.AlertsAsync));
        return group;
    }

    // A plain request delegate: no parameter binding by reflection, and the result executes as it would in the Functions worker.
    private static RequestDelegate Handle(Func<HttpRequest, CancellationToken, Task<IResult>> handler) => async context =>
    {
        var result = await handler(context.Request, context.RequestAborted).ConfigureAwait(false);
        await result.ExecuteAsync(context).ConfigureAwait(false);
    };
}
