using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Telemetry.Api;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (it does its work), for probes and load balancers.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps both routes.</summary>
    /// <param name="endpoints">The host's route builder.</param>
    /// <param name="ready">Whether the process is ready; always when null.</param>
    public static void Map(IEndpointRouteBuilder endpoints, Func<bool>? ready)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/healthz", () => Results.Text("ok\n"));
        endpoints.MapGet("/readyz", () => ready is null || ready()
            ? Results.Text("ready\n")
            : Results.Text("not ready\n", statusCode: StatusCodes.Status503ServiceUnavailable));
    }
}
