using Telemetry.Api.Tests.Support;

namespace Telemetry.Api.Tests;

[TestClass]
public sealed class RequestLimitTests
{
    [TestMethod]
    public async Task ARequestWithABodyIsTooLarge()
    {
        using var apis = new Apis();
        var withLength = ApiCall.Get("/api/fleet");
        withLength.Request.ContentLength = 2;
        withLength.Request.Body = new MemoryStream("{}"u8.ToArray());
        var chunked = ApiCall.Get("/api/waste");
        chunked.Request.Headers.TransferEncoding = "chunked";

        var first = await ApiCall.RunAsync(apis.Open(), withLength);
        var second = await ApiCall.RunAsync(apis.Open(), chunked);

        Assert.IsNull(first.ProblemParameter(413));
        Assert.AreEqual("Request too large", first.Json.GetProperty("title").GetString());
        Assert.AreEqual(200, second.Status, "a chunked header alone (a proxy may add one to a GET) is not a body; it is never read");
    }

    [TestMethod]
    public async Task AnEmptyBodyIsNoBody()
    {
        using var apis = new Apis();
        var context = ApiCall.Get("/api/fleet");
        context.Request.ContentLength = 0;

        var answer = await ApiCall.RunAsync(apis.Open(), context);

        Assert.AreEqual(200, answer.Status);
    }

    [TestMethod]
    public async Task AQueryStringOverEightKibibytesIsTooLarge()
    {
        using var apis = new Apis();
        var api = apis.Open();

        var over = await ApiCall.GetAsync(api, "/api/gpus?node=" + new string('n', 8 * 1024));
        var under = await ApiCall.GetAsync(api, "/api/gpus?node=n&" + string.Join('&', Enumerable.Repeat("code=k", 1000)));

        Assert.IsNull(over.ProblemParameter(413));
        StringAssert.Contains(over.Json.GetProperty("detail").GetString(), "8192");
        Assert.AreEqual(200, under.Status, "within the bound; the function key is the host's and never read");
    }

    [TestMethod]
    public async Task AValueLongerThan256CharactersIsRefusedByName()
    {
        using var apis = new Apis();
        var api = apis.Open();

        var over = await ApiCall.GetAsync(api, "/api/gpus?model=" + new string('m', 257));
        var atBound = await ApiCall.GetAsync(api, "/api/gpus?model=" + new string('m', 256));

        Assert.AreEqual("model", over.ProblemParameter(400));
        StringAssert.Contains(over.Json.GetProperty("detail").GetString(), "256");
        Assert.AreEqual(200, atBound.Status);
        Assert.AreEqual(0, atBound.Json.GetProperty("total").GetInt32());
    }

    [TestMethod]
    public async Task UnknownParametersAreRefusedAndNamed()
    {
        using var apis = new Apis();

        var answer = await ApiCall.GetAsync(apis.Open(), "/api/waste?limit=5&team=llm&debug=1");

        Assert.AreEqual("debug", answer.ProblemParameter(400));
        Assert.AreEqual("Unknown parameter", answer.Json.GetProperty("title").GetString());
        var detail = answer.Json.GetProperty("detail").GetString()!;
        StringAssert.Contains(detail, "debug, team");
        StringAssert.Contains(detail, "from, to, limit");
    }

    [TestMethod]
    public async Task RoutesWithoutParametersRefuseAnyButTheFunctionKey()
    {
        using var apis = new Apis();
        var api = apis.Open();

        var fleet = await ApiCall.GetAsync(api, "/api/fleet?state=productive");
        var alerts = await ApiCall.GetAsync(api, "/api/alerts?code=secret-function-key");

        Assert.AreEqual("state", fleet.ProblemParameter(400));
        Assert.AreEqual(200, alerts.Status);
    }

    [TestMethod]
    public async Task AProblemIsRfc7807WithTypeTitleStatusDetailAndParameter()
    {
        using var apis = new Apis();

        var answer = await ApiCall.GetAsync(apis.Open(), "/api/gpus?state=asleep");

        Assert.AreEqual("state", answer.ProblemParameter(400));
        var names = answer.Json.EnumerateObject().Select(p => p.Name).ToArray();
        CollectionAssert.AreEqual(new[] { "type", "title", "status", "detail", "parameter" }, names);
        Assert.AreEqual(400, answer.Json.GetProperty("status").GetInt32());
        StringAssert.StartsWith(answer.Json.GetProperty("type").GetString(), "https://www.rfc-editor.org/rfc/rfc9110#");
        Assert.AreEqual("nosniff", answer.Headers.XContentTypeOptions.ToString());
    }
}
