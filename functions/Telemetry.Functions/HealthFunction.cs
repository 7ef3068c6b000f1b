using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Telemetry.Functions;

/// <summary>Answers liveness probes with the service's name, version and current time.</summary>
/// <param name="timeProvider">The clock whose time the report carries.</param>
internal sealed class HealthFunction(TimeProvider timeProvider)
{
    private static readonly string Version =
        typeof(HealthFunction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "unknown";

    /// <summary>Handles <c>GET /api/health</c>.</summary>
    /// <param name="request">The incoming request: the HTTP trigger binds to it; the report needs nothing from it.</param>
    /// <returns>200 OK with a <see cref="HealthReport"/> as JSON.</returns>
    [Function("health")]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request)
    {
        var report = new HealthReport("ok", "telemetry-functions", Version, timeProvider.GetUtcNow().UtcDateTime);
        return new OkObjectResult(report);
    }
}
