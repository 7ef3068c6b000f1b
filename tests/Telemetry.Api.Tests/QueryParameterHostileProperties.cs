using System.Text;
using CsCheck;
using Microsoft.AspNetCore.WebUtilities;
using Telemetry.Api.Tests.Support;
using Telemetry.Hostile;

namespace Telemetry.Api.Tests;

/// <summary>
/// Random query strings (known and unknown keys in any case, repeated keys, huge values, control characters, broken
/// <c>%</c> escapes, times at the ends of the calendar) against every route over an empty ledger: each is answered
/// 200, 400, 404 or 413, never an unhandled exception, and every 400 names a parameter of the request or the route.
/// </summary>
[TestClass]
public sealed class QueryParameterHostileProperties
{
    private static readonly string[] Routes = ["/api/fleet", "/api/gpus", "/api/energy", "/api/waste", "/api/alerts", "/api/jobs/"];

    private static readonly string[] Keys = ["state", "node", "model", "limit", "offset", "from", "to", "by", "format", "code", "FROM", "Limit", "team", "", "%66rom", "to%00"];

    // A defaulted from or to can be at fault without being in the query: to before a from given alone.
    private static readonly string[] RouteParameters = ["state", "node", "model", "limit", "offset", "from", "to", "by", "format", "id"];

    private static readonly Gen<string> Value = Gen.Frequency(
        (4, Gen.OneOf("1", "0", "-1", "5000", "5001", "2147483647", "2147483648", "+1", " 1", "1e3", "0x10", "idle", "IDLE", "busy",
            "team", "job", "model", "site", "json", "CSV", "2026-03-01", "2026-03-01T12:00:00Z", "2026-03-01T12:00+02:00", "2026-03-01T12:00:00 02:00",
            "0001-01-01", "0001-01-01T00:00:00Z", "0001-01-02", "9999-12-31", "9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59-14:00",
            "0001-01-01T00:00:00+14:00", "2026-02-30", "", "%", "%0", "%ZZ", "%00", "%0A", "%FF%FE", "%E2%82", "%2B01:00", "a%26b%3Dc", "#", "{}", "{A}0")),
        (2, Gen.String[0, 40].Select(Uri.EscapeDataString)),
        (1, Gen.Char['\0', '\u001f'].Array[1, 4].Select(chars => new string(chars))),
        (1, Gen.Int[250, 9000].Select(n => new string('x', n))));

    private static readonly Gen<string> Query =
        Gen.Select(Gen.Int[0, Keys.Length - 1], Value, Gen.Bool).Array[0, 6].Select(pairs =>
            string.Join('&', pairs.Select(p => p.Item3 ? $"{Keys[p.Item1]}={p.Item2}" : Keys[p.Item1])));

    private static readonly Gen<string> JobId = Gen.Frequency(
        (3, Gen.String[0, 40]),
        (1, Gen.OneOf("slurm-81234", new string('j', 300), "a\u0000b", "..", "%", "#")));

    [TestMethod]
    public async Task EveryRouteAnswersARandomQueryWithAKnownStatusAndA400NamesAParameter()
    {
        using var apis = new Apis(withWindows: false);
        var api = apis.Open();

        await Gen.Select(Gen.Int[0, Routes.Length - 1], JobId, Query).SampleAsync(async (route, id, query) =>
        {
            Answer answer = null!;

            await HostileRun.BoundedAsync(async () => answer = await AnswerAsync(api, Routes[route], id, query), "answering a request");

            Assert.Contains(answer.Status, new[] { 200, 400, 404, 413 }, answer.Body);
            if (answer.Status == 400)
            {
                var parameter = answer.ProblemParameter(400);
                Assert.IsNotNull(parameter, answer.Body);
                var keys = QueryHelpers.ParseQuery("?" + query).Keys;
                Assert.IsTrue(RouteParameters.Contains(parameter) || keys.Any(k => k.StartsWith(parameter.TrimEnd('…'), StringComparison.OrdinalIgnoreCase)),
                    $"'{parameter}' is neither a key of '{query}' nor a parameter of a route");
            }
        }, iter: HostileRun.Iterations(600), threads: 1, print: t => $"{Routes[t.Item1]} id '{t.Item2}' ?{t.Item3}");
    }

    /// <summary>A route's answer; the job id goes to the handler as the router would hand it over, whatever it holds.</summary>
    private static async Task<Answer> AnswerAsync(TelemetryApi api, string route, string id, string query)
    {
        if (route != "/api/jobs/")
        {
            return await ApiCall.GetAsync(api, $"{route}?{query}");
        }

        var context = ApiCall.Get($"/api/jobs/x?{query}");
        return await ApiCall.ExecuteAsync(await api.JobAsync(context.Request, id, CancellationToken.None), context);
    }

    [TestMethod]
    [DataRow("#")]
    [DataRow("{}")]
    [DataRow("{A}0")]
    [DataRow("from=%FF%FE")]
    [DataRow("limit=1&limit=1")]
    public async Task TheNamedSeedsAreRefusedWithA400NamingAParameter(string query)
    {
        using var apis = new Apis(withWindows: false);

        var answer = await ApiCall.GetAsync(apis.Open(), "/api/waste?" + query);

        Assert.IsFalse(string.IsNullOrEmpty(answer.ProblemParameter(400)));
    }

    [TestMethod]
    public async Task AOneMebibyteQueryStringIsTooLarge()
    {
        using var apis = new Apis(withWindows: false);

        var answer = await ApiCall.GetAsync(apis.Open(), "/api/gpus?node=" + new string('n', 1024 * 1024));

        Assert.IsNull(answer.ProblemParameter(413));
    }

    [TestMethod]
    [DataRow("to=0001-01-01")]
    [DataRow("to=0001-01-01T23:59:59Z")]
    public async Task AToSoEarlyThatTheDefaultFromWouldPrecedeYearOneIsRefusedByName(string query)
    {
        using var apis = new Apis(withWindows: false);

        var answer = await ApiCall.GetAsync(apis.Open(), "/api/energy?" + query);

        Assert.AreEqual("to", answer.ProblemParameter(400));
    }
}
