using System.Text;
using Microsoft.AspNetCore.Http;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Queries;
using Telemetry.Api;
using Telemetry.Api.Scoping;

namespace Telemetry.Fuzz.Targets;

/// <summary>
/// A request to the API over an empty ledger: the first byte picks the route, the rest is the query string, which also
/// goes as the <c>X-MS-CLIENT-PRINCIPAL</c> header to a scoped copy. Every answer must be one the API documents.
/// </summary>
internal sealed class ApiQueryTarget : IFuzzTarget
{
    private static readonly string[] Routes = ["fleet", "gpus", "jobs", "energy", "waste", "alerts"];

    private static readonly int[] Unscoped = [200, 400, 404, 413];

    private static readonly int[] Scoped = [200, 400, 401, 403, 404, 413];

    private readonly Lazy<(TelemetryApi Open, TelemetryApi Scoped)> _apis = new(Create);

    /// <inheritdoc />
    public string Name => "api-query";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return;
        }

        var route = Routes[input[0] % Routes.Length];
        var text = Encoding.UTF8.GetString(input[1..]);
        var status = Answer(_apis.Value.Open, route, text, principal: null);
        Finding.Unless(Unscoped.Contains(status), $"/api/{route} answered {status}");
        status = Answer(_apis.Value.Scoped, route, text, principal: text);
        Finding.Unless(Scoped.Contains(status), $"scoped /api/{route} answered {status}");
    }

    private static int Answer(TelemetryApi api, string route, string query, string? principal)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = "/api/" + route;
        context.Request.QueryString = new QueryString("?" + query);
        if (principal is not null)
        {
            context.Request.Headers[ClientPrincipal.HeaderName] = principal;
        }

        context.Response.Body = new MemoryStream();
        var none = CancellationToken.None;
        var result = route switch
        {
            "fleet" => api.FleetAsync(context.Request, none),
            "gpus" => api.GpusAsync(context.Request, none),
            "jobs" => api.JobAsync(context.Request, query, none),
            "energy" => api.EnergyAsync(context.Request, none),
            "waste" => api.WasteAsync(context.Request, none),
            _ => api.AlertsAsync(context.Request, none),
        };
        result.GetAwaiter().GetResult().ExecuteAsync(context).GetAwaiter().GetResult();
        return context.Response.StatusCode;
    }

    private static (TelemetryApi, TelemetryApi) Create()
    {
        var ledger = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"telemetry-fuzz-ledger-{Environment.ProcessId}")).FullName;
        var store = new LedgerQueryStore(new LedgerReader(ledger));
        var scoping = new ApiScopingOptions
        {
            Enabled = true,
            CostCentres = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase) { ["finance@example.com"] = ["llm"] },
            FleetRoles = ["sre"],
        };
        return (new TelemetryApi(store, TimeProvider.System), new TelemetryApi(store, TimeProvider.System, new ApiOptions { Scoping = scoping }));
    }
}
