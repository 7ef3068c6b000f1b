using Telemetry.Api.Tests.Support;

namespace Telemetry.Api.Tests;

[TestClass]
public sealed class FleetAndGpusTests
{
    [TestMethod]
    public async Task TheFleetIsItsLatestWindowInCamelCaseWithUtcTimes()
    {
        using var apis = new Apis();

        var answer = await ApiCall.GetAsync(apis.Open(), "/api/fleet");

        Assert.AreEqual(200, answer.Status);
        Assert.AreEqual("application/json; charset=utf-8", answer.ContentType);
        StringAssert.Contains(answer.Body, "\"windowStart\":\"2026-01-01T00:01:00Z\"");
        StringAssert.Contains(answer.Body, "\"windowEnd\":\"2026-01-01T00:02:00Z\"");
        Assert.AreEqual(3, answer.Json.GetProperty("gpus").GetInt32());
        Assert.AreEqual(2, answer.Json.GetProperty("gpusByState").GetProperty("productive").GetInt32());
        Assert.AreEqual(1, answer.Json.GetProperty("gpusByState").GetProperty("unallocated-idle").GetInt32());
        Assert.AreEqual(57_000.0 / 60, answer.Json.GetProperty("powerWatts").GetDouble(), 1e-9);
        Assert.AreEqual("no-store", answer.Headers.CacheControl.ToString());
    }

    [TestMethod]
    public async Task TheFleetIsANotFoundProblemBeforeAnyWindow()
    {
        using var apis = new Apis(withWindows: false);

        var answer = await ApiCall.GetAsync(apis.Open(), "/api/fleet");

        Assert.IsNull(answer.ProblemParameter(404));
        Assert.AreEqual("Not found", answer.Json.GetProperty("title").GetString());
        StringAssert.Contains(answer.Json.GetProperty("detail").GetString(), "No window has closed yet");
    }

    [TestMethod]
    public async Task GpusArePagedAndCountedInNodeThenIndexOrder()
    {
        using var apis = new Apis();
        var api = apis.Open();

        var first = await ApiCall.GetAsync(api, "/api/gpus?limit=2");
        var second = await ApiCall.GetAsync(api, "/api/gpus?limit=2&offset=2");
        var beyond = await ApiCall.GetAsync(api, "/api/gpus?offset=10");

        Assert.AreEqual(3, first.Json.GetProperty("total").GetInt32());
        Assert.AreEqual(2, first.Json.GetProperty("limit").GetInt32());
        CollectionAssert.AreEqual(new[] { "GPU-node-1-0", "GPU-node-1-1" }, Uuids(first));
        CollectionAssert.AreEqual(new[] { "GPU-node-2-0" }, Uuids(second));
        Assert.AreEqual(2, second.Json.GetProperty("offset").GetInt32());
        Assert.IsEmpty(Uuids(beyond));
        Assert.AreEqual(3, beyond.Json.GetProperty("total").GetInt32());
    }

    [TestMethod]
    public async Task GpusPageByFiveHundredUnlessToldOtherwise()
    {
        using var apis = new Apis();

        var answer = await ApiCall.GetAsync(apis.Open(), "/api/gpus");

        Assert.AreEqual(500, answer.Json.GetProperty("limit").GetInt32());
        Assert.AreEqual(0, answer.Json.GetProperty("offset").GetInt32());
        Assert.HasCount(3, Uuids(answer));
    }

    [TestMethod]
    public async Task GpusAreFilteredByStateNodeAndModel()
    {
        using var apis = new Apis();
        var api = apis.Open();

        var idle = await ApiCall.GetAsync(api, "/api/gpus?state=unallocated-idle");
        var node2 = await ApiCall.GetAsync(api, "/api/gpus?node=node-2");
        var h100s = await ApiCall.GetAsync(api, "/api/gpus?model=NVIDIA%20H100%2080GB%20HBM3&node=node-1");

        CollectionAssert.AreEqual(new[] { "GPU-node-1-1" }, Uuids(idle));
        CollectionAssert.AreEqual(new[] { "GPU-node-2-0" }, Uuids(node2));
        Assert.AreEqual("job-2", node2.Json.GetProperty("gpus")[0].GetProperty("jobId").GetString());
        CollectionAssert.AreEqual(new[] { "GPU-node-1-0", "GPU-node-1-1" }, Uuids(h100s));
    }

    [TestMethod]
    [DataRow("limit=0", "limit")]
    [DataRow("limit=5001", "limit")]
    [DataRow("limit=-1", "limit")]
    [DataRow("limit=%2B5", "limit")]
    [DataRow("limit=1.5", "limit")]
    [DataRow("limit=1e3", "limit")]
    [DataRow("limit=%201", "limit")]
    [DataRow("limit=99999999999", "limit")]
    [DataRow("offset=-1", "offset")]
    [DataRow("offset=x", "offset")]
    [DataRow("state=sleeping", "state")]
    [DataRow("state=Productive", "state")]
    [DataRow("state=", "state")]
    [DataRow("node=a&node=b", "node")]
    [DataRow("model=%00", "model")]
    public async Task BadGpuParametersAreRefusedByName(string query, string parameter)
    {
        using var apis = new Apis();

        var answer = await ApiCall.GetAsync(apis.Open(), "/api/gpus?" + query);

        Assert.AreEqual(parameter, answer.ProblemParameter(400));
        Assert.AreEqual("Invalid parameter", answer.Json.GetProperty("title").GetString());
        StringAssert.StartsWith(answer.Json.GetProperty("detail").GetString(), parameter);
    }

    [TestMethod]
    public async Task AnUnknownStateIsAnsweredWithTheStatesThereAre()
    {
        using var apis = new Apis();

        var answer = await ApiCall.GetAsync(apis.Open(), "/api/gpus?state=sleeping");

        StringAssert.Contains(answer.Json.GetProperty("detail").GetString(), "allocated-idle");
        StringAssert.Contains(answer.Json.GetProperty("detail").GetString(), "'sleeping'");
    }

    private static string[] Uuids(Answer answer) =>
        [.. answer.Json.GetProperty("gpus").EnumerateArray().Select(g => g.GetProperty("gpuUuid").GetString()!)];
}
