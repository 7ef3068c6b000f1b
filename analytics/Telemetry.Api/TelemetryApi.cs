using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Alerting;
using Telemetry.Analytics.Queries;
using Telemetry.Analytics.Windows;
using Telemetry.Api.Http;
using Telemetry.Api.Responses;
using Telemetry.Api.Scoping;

namespace Telemetry.Api;

/// <summary>
/// The API's handlers, host-agnostic: each takes the <see cref="HttpRequest"/> and returns an <see cref="IResult"/>, which
/// minimal APIs execute (<see cref="ApiEndpoints"/>) and the Functions worker's ASP.NET Core integration executes when a
/// function returns it. Every request is checked before anything it carries reaches a query: no body, a bounded query
/// string, only the route's parameters, each once and well formed, and the caller's scope. Bad input is a 400 problem
/// naming the parameter.
/// </summary>
public sealed class TelemetryApi
{
    private static readonly string[] NoParameters = [];
    private static readonly string[] GpuParameters = ["state", "node", "model", "limit", "offset"];
    private static readonly string[] JobParameters = ["from", "to"];
    private static readonly string[] EnergyParameters = ["by", "from", "to", "format"];
    private static readonly string[] WasteParameters = ["from", "to", "limit"];

    private static readonly Dictionary<string, GroupBy> GroupNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["team"] = GroupBy.Team,
        ["job"] = GroupBy.Job,
        ["model"] = GroupBy.Model,
        ["site"] = GroupBy.Site,
    };

    private static readonly Dictionary<string, bool> CsvFormats = new(StringComparer.OrdinalIgnoreCase) { ["json"] = false, ["csv"] = true };

    private static readonly Dictionary<string, string> StateNamesByName =
        Enum.GetValues<GpuState>().Select(StateNames.Of).ToDictionary(n => n, n => n, StringComparer.Ordinal);

    private readonly ITelemetryQueries _queries;
    private readonly TimeProvider _time;
    private readonly ApiScopingOptions _scoping;
    private readonly AlertPipeline? _alerts;
    private readonly ILogger _logger;

    /// <summary>Creates the handlers.</summary>
    /// <param name="queries">The query store: InfluxDB or the ledger.</param>
    /// <param name="timeProvider">The clock that default ranges end at.</param>
    /// <param name="options">Scoping and the like; validated here. Defaults (no scoping) when null.</param>
    /// <param name="alerts">The alert pipeline whose open alerts <c>/api/alerts</c> lists; null when alerting is off.</param>
    /// <param name="logger">Where refusals and store failures are logged.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is invalid; the message names it.</exception>
    public TelemetryApi(ITelemetryQueries queries, TimeProvider timeProvider, ApiOptions? options = null, AlertPipeline? alerts = null, ILogger<TelemetryApi>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options ??= new ApiOptions();
        ApiOptionsValidator.ThrowIfInvalid(options);
        _queries = queries;
        _time = timeProvider;
        _scoping = options.Scoping;
        _alerts = alerts;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary><c>GET /api/fleet</c>: the fleet in its latest window; 404 before any window. Fleet roles only when scoped.</summary>
    public Task<IResult> FleetAsync(HttpRequest request, CancellationToken cancellationToken) =>
        RunAsync(request, NoParameters, fleetOnly: true, async (_, _, token) =>
            await _queries.FleetSummaryAsync(token).ConfigureAwait(false) is { } summary
                ? ApiResult.Json(StatusCodes.Status200OK, summary, ApiJsonContext.Default.FleetSummary)
                : throw new ApiProblemException(ApiProblems.NotFound("No window has closed yet: the fleet has no summary to show.")),
            cancellationToken);

    /// <summary>
    /// <c>GET /api/gpus?state=&amp;node=&amp;model=&amp;limit=&amp;offset=</c>: a page of the latest window's GPUs.
    /// Fleet roles only when scoped.
    /// </summary>
    public Task<IResult> GpusAsync(HttpRequest request, CancellationToken cancellationToken) =>
        RunAsync(request, GpuParameters, fleetOnly: true, async (query, _, token) =>
        {
            var filter = new GpuFilter(query.Choice<string?>("state", null, StateNamesByName!), query.Text("node"), query.Text("model"));
            var limit = query.Integer("limit", ApiDefaults.GpuLimit, 1, ApiDefaults.MaxGpuLimit);
            var offset = query.Integer("offset", 0, 0, int.MaxValue);
            var gpus = await _queries.GpusAsync(filter, token).ConfigureAwait(false);
            var page = new GpuPage(gpus.Count, offset, limit, [.. gpus.Skip(offset).Take(limit)]);
            return ApiResult.Json(StatusCodes.Status200OK, page, ApiJsonContext.Default.GpuPage);
        }, cancellationToken);

    /// <summary>
    /// <c>GET /api/jobs/{id}?from=&amp;to=</c>: one job's efficiency, window by window. 404 for a job with no window in the
    /// range, and alike for another team's job when scoped, so that a caller cannot tell the two apart.
    /// </summary>
    public Task<IResult> JobAsync(HttpRequest request, string id, CancellationToken cancellationToken) =>
        RunAsync(request, JobParameters, fleetOnly: false, async (query, scope, token) =>
        {
            var jobId = RequestGuard.RouteValue(id, "id");
            var range = query.Range(_time);
            var job = await _queries.JobAsync(jobId, range, token).ConfigureAwait(false);
            return job is not null && scope.Allows(job.Team)
                ? ApiResult.Json(StatusCodes.Status200OK, job, ApiJsonContext.Default.JobEfficiency)
                : throw new ApiProblemException(ApiProblems.NotFound(
                    $"No job '{ApiProblems.Printable(jobId)}' has windows from {Time(range.From)} to {Time(range.To)}."));
        }, cancellationToken);

    /// <summary>
    /// <c>GET /api/energy?by=team|job|model|site&amp;from=&amp;to=&amp;format=json|csv</c>: energy, GPU time and cost by group.
    /// When scoped, only the jobs of the caller's teams count, whatever the grouping.
    /// </summary>
    public Task<IResult> EnergyAsync(HttpRequest request, CancellationToken cancellationToken) =>
        RunAsync(request, EnergyParameters, fleetOnly: false, async (query, scope, token) =>
        {
            var by = query.Choice("by", GroupBy.Team, GroupNames);
            var csv = query.Choice("format", false, CsvFormats);
            var range = query.Range(_time);
            var groups = scope.Teams is { } teams
                ? await _queries.EnergyByAsync(by, range, [.. teams], token).ConfigureAwait(false)
                : await _queries.EnergyByAsync(by, range, token).ConfigureAwait(false);
            var name = GroupNames.First(g => g.Value == by).Key;
            return csv
                ? ApiResult.Csv(EnergyCsv.Write(name, groups), $"energy-by-{name}.csv")
                : ApiResult.Json(StatusCodes.Status200OK, new EnergyReport(name, range.From, range.To, groups), ApiJsonContext.Default.EnergyReport);
        }, cancellationToken);

    /// <summary><c>GET /api/waste?from=&amp;to=&amp;limit=</c>: the costliest waste; the caller's teams only when scoped.</summary>
    public Task<IResult> WasteAsync(HttpRequest request, CancellationToken cancellationToken) =>
        RunAsync(request, WasteParameters, fleetOnly: false, async (query, scope, token) =>
        {
            var range = query.Range(_time);
            var limit = query.Integer("limit", ApiDefaults.WasteLimit, 1, ApiDefaults.MaxWasteLimit);
            var entries = scope.Teams is { } teams
                ? await _queries.TopWasteAsync(range, limit, [.. teams], token).ConfigureAwait(false)
                : await _queries.TopWasteAsync(range, limit, token).ConfigureAwait(false);
            return ApiResult.Json(StatusCodes.Status200OK, new WasteReport(range.From, range.To, entries), ApiJsonContext.Default.WasteReport);
        }, cancellationToken);

    /// <summary>
    /// <c>GET /api/alerts</c>: the alerts firing now, newest first; empty when alerting is off. When scoped, a caller
    /// without a fleet role sees the alerts labelled with one of their teams only.
    /// </summary>
    public Task<IResult> AlertsAsync(HttpRequest request, CancellationToken cancellationToken) =>
        RunAsync(request, NoParameters, fleetOnly: false, (_, scope, _) =>
        {
            var open = _alerts?.Open ?? [];
            var visible = open.Where(a => scope.SeesFleet || scope.Allows(a.Labels.GetValueOrDefault(AlertLabels.Team))).Select(OpenAlert.Of).ToList();
            return Task.FromResult<IResult>(ApiResult.Json(StatusCodes.Status200OK, new AlertList(_alerts is not null, visible), ApiJsonContext.Default.AlertList));
        }, cancellationToken);

    private async Task<IResult> RunAsync(
        HttpRequest request,
        IReadOnlyList<string> accepted,
        bool fleetOnly,
        Func<QueryParameters, CallerScope, CancellationToken, Task<IResult>> handle,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, request.HttpContext.RequestAborted);
        try
        {
            RequestGuard.Check(request, accepted);
            var scope = CallerScope.Of(request, _scoping);
            if (fleetOnly && !scope.SeesFleet)
            {
                throw new ApiProblemException(ApiProblems.Forbidden("The fleet as a whole is shown to holders of a fleet role only (Api:Scoping:FleetRoles)."));
            }

            return await handle(new QueryParameters(request.Query), scope, linked.Token).ConfigureAwait(false);
        }
        catch (InvalidQueryException e)
        {
            return Refuse(request, ApiProblems.InvalidParameter(e.ParamName ?? "", e.Message));
        }
        catch (ApiProblemException e)
        {
            return Refuse(request, e.Problem);
        }
        catch (Exception e) when (IsStoreFailure(e) && !linked.IsCancellationRequested)
        {
            Log.QueryFailed(_logger, request.Path, e);
            return ApiResult.Problem(ApiProblems.Unavailable("The query store could not answer; try again shortly."));
        }
    }

    private ApiResult Refuse(HttpRequest request, ApiProblem problem)
    {
        if (problem.Status != StatusCodes.Status404NotFound)
        {
            Log.Refused(_logger, request.Path, problem.Status, problem.Title);
        }

        return ApiResult.Problem(problem);
    }

    // InfluxDB unreachable, answering an error or too much, timing out, or a ledger file that cannot be read.
    private static bool IsStoreFailure(Exception e) =>
        e is HttpRequestException or InvalidOperationException or IOException or TimeoutException or OperationCanceledException or InvalidDataException;

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
