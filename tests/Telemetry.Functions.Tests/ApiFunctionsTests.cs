using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Time.Testing;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Queries;
using Telemetry.Api;
using Telemetry.Functions.Tests.Support;

namespace Telemetry.Functions.Tests;

/// <summary>The HTTP functions, built directly and called with the requests the worker's ASP.NET Core integration hands them.</summary>
[TestClass]
public sealed class ApiFunctionsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public async Task TheFleetFunctionAnswersWithTheLatestWindow()
    {
        using var ledger = Ledger();
        var functions = Functions(ledger);
        var context = Get("/api/fleet");

        var answer = await RunAsync(await functions.FleetAsync(context.Request, CancellationToken.None), context);

        Assert.AreEqual(200, answer.Status);
        Assert.AreEqual("application/json; charset=utf-8", answer.ContentType);
        Assert.AreEqual("2026-01-01T00:01:00Z", answer.Json.GetProperty("windowStart").GetString());
        Assert.AreEqual(2, answer.Json.GetProperty("gpus").GetInt32());
    }

    [TestMethod]
    public async Task TheJobFunctionTakesItsIdFromTheRoute()
    {
        using var ledger = Ledger();
        var functions = Functions(ledger);
        var found = Get("/api/jobs/job-1?from=2026-01-01");
        var missing = Get("/api/jobs/job-2?from=2026-01-01");

        var job = await RunAsync(await functions.JobAsync(found.Request, "job-1", CancellationToken.None), found);
        var none = await RunAsync(await functions.JobAsync(missing.Request, "job-2", CancellationToken.None), missing);

        Assert.AreEqual(200, job.Status);
        Assert.AreEqual(2, job.Json.GetProperty("series").GetArrayLength());
        Assert.AreEqual(404, none.Status);
        Assert.AreEqual("application/problem+json; charset=utf-8", none.ContentType);
    }

    [TestMethod]
    public async Task BadInputThroughAFunctionIsAProblemNamingTheParameter()
    {
        using var ledger = Ledger();
        var functions = Functions(ledger);
        var limit = Get("/api/gpus?limit=5001&code=function-key");
        var by = Get("/api/energy?by=rack");
        var unknown = Get("/api/waste?team=llm");

        var tooMany = await RunAsync(await functions.GpusAsync(limit.Request, CancellationToken.None), limit);
        var badBy = await RunAsync(await functions.EnergyAsync(by.Request, CancellationToken.None), by);
        var badName = await RunAsync(await functions.WasteAsync(unknown.Request, CancellationToken.None), unknown);

        Assert.AreEqual(400, tooMany.Status);
        Assert.AreEqual("limit", tooMany.Json.GetProperty("parameter").GetString(), "the function key is the host's; limit is what is wrong");
        Assert.AreEqual("by", badBy.Json.GetProperty("parameter").GetString());
        Assert.AreEqual("team", badName.Json.GetProperty("parameter").GetString());
    }

    [TestMethod]
    public async Task TheEnergyFunctionWritesCsvWhenAsked()
    {
        using var ledger = Ledger();
        var functions = Functions(ledger);
        var context = Get("/api/energy?by=job&format=csv&from=2026-01-01");

        var answer = await RunAsync(await functions.EnergyAsync(context.Request, CancellationToken.None), context);

        Assert.AreEqual("text/csv; charset=utf-8", answer.ContentType);
        var lines = answer.Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual("job,currency,energyJoules,energyKwh,gpuSeconds,tokens,cost", lines[0]);
        StringAssert.StartsWith(lines[1], "job-1,USD,72000,0.02,120,2000000,");
    }

    [TestMethod]
    [DataRow("/api/fleet")]
    [DataRow("/api/gpus?state=unallocated-idle")]
    [DataRow("/api/jobs/job-1")]
    [DataRow("/api/energy?by=model")]
    [DataRow("/api/waste?limit=1")]
    [DataRow("/api/alerts")]
    public async Task EachFunctionAnswersAsTheSharedHandlerDoes(string pathAndQuery)
    {
        using var ledger = Ledger();
        var api = Api(ledger);
        var functions = new ApiFunctions(api);

        var viaFunction = await CallAsync(functions, pathAndQuery);
        var viaHandler = await CallAsync(api, pathAndQuery);

        Assert.AreEqual(200, viaFunction.Status, viaFunction.Body);
        Assert.AreEqual(viaHandler, viaFunction);
    }

    [TestMethod]
    public void EveryRouteIsAFunctionThatNeedsAFunctionKey()
    {
        var triggers = typeof(ApiFunctions).GetMethods()
            .Select(m => m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null))
            .OfType<HttpTriggerAttribute>()
            .ToList();

        CollectionAssert.AreEquivalent(ApiEndpoints.Routes.ToArray(), triggers.Select(t => "/api/" + t.Route).ToArray());
        Assert.IsTrue(triggers.All(t => t.AuthLevel == AuthorizationLevel.Function));
        Assert.IsTrue(triggers.All(t => t.Methods is ["get"]));
    }

    private static TempDirectory Ledger()
    {
        var ledger = new TempDirectory();
        var writer = new LedgerWriter(ledger.Path);
        writer.Write(Support.Windows.At(Start));
        writer.Write(Support.Windows.At(Start.AddMinutes(1)));
        return ledger;
    }

    private static TelemetryApi Api(TempDirectory ledger) =>
        new(new LedgerQueryStore(new LedgerReader(ledger.Path)), new FakeTimeProvider(Start.AddHours(1)));

    private static ApiFunctions Functions(TempDirectory ledger) => new(Api(ledger));

    private static async Task<Answer> CallAsync(ApiFunctions functions, string pathAndQuery)
    {
        var context = Get(pathAndQuery);
        var path = context.Request.Path.Value!;
        var result = path switch
        {
            "/api/fleet" => await functions.FleetAsync(context.Request, CancellationToken.None),
            "/api/gpus" => await functions.GpusAsync(context.Request, CancellationToken.None),
            "/api/energy" => await functions.EnergyAsync(context.Request, CancellationToken.None),
            "/api/waste" => await functions.WasteAsync(context.Request, CancellationToken.None),
            "/api/alerts" => await functions.AlertsAsync(context.Request, CancellationToken.None),
            _ => await functions.JobAsync(context.Request, path["/api/jobs/".Length..], CancellationToken.None),
        };
        return await RunAsync(result, context);
    }

    private static async Task<Answer> CallAsync(TelemetryApi api, string pathAndQuery)
    {
        var context = Get(pathAndQuery);
        var path = context.Request.Path.Value!;
        var result = path switch
        {
            "/api/fleet" => await api.FleetAsync(context.Request, CancellationToken.None),
            "/api/gpus" => await api.GpusAsync(context.Request, CancellationToken.None),
            "/api/energy" => await api.EnergyAsync(context.Request, CancellationToken.None),
            "/api/waste" => await api.WasteAsync(context.Request, CancellationToken.None),
            "/api/alerts" => await api.AlertsAsync(context.Request, CancellationToken.None),
            _ => await api.JobAsync(context.Request, path["/api/jobs/".Length..], CancellationToken.None),
        };
        return await RunAsync(result, context);
    }

    internal static DefaultHttpContext Get(string pathAndQuery)
    {
        var context = new DefaultHttpContext();
        var q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = q < 0 ? pathAndQuery : pathAndQuery[..q];
        context.Request.QueryString = q < 0 ? QueryString.Empty : new QueryString(pathAndQuery[q..]);
        context.Response.Body = new MemoryStream();
        return context;
    }

    // The worker's ASP.NET Core integration executes an IResult a function returns against the request's HttpContext.
    internal static async Task<Answer> RunAsync(IResult result, HttpContext context)
    {
        await result.ExecuteAsync(context);
        return new Answer(context.Response.StatusCode, context.Response.ContentType, Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }

    internal sealed record Answer(int Status, string? ContentType, string Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    }
}
