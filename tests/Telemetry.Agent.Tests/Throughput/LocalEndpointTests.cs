using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Telemetry.Agent.Attribution;
using Telemetry.Agent.Throughput;
using Telemetry.Contract.Messages;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Tests.Throughput;

[TestClass]
public sealed class LocalEndpointTests
{
    private static readonly GpuIdentity[] Gpus =
    [
        new("node-1", "GPU-aaaa", 0, "NVIDIA H100 80GB HBM3"),
        new("node-1", "GPU-bbbb", 1, "NVIDIA H100 80GB HBM3"),
    ];

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly ThroughputInbox _inbox = new(capacity: 3);
    private readonly RequestedAllocations _allocations = new();
    private LocalEndpoint _endpoint = null!;
    private HttpClient _http = null!;

    [TestInitialize]
    public async Task StartAsync()
    {
        _endpoint = new LocalEndpoint(new LocalEndpointOptions { Url = "http://127.0.0.1:0", MaxRequestBytes = 4096 }, "node-1", _inbox, _allocations, () => Gpus, _clock, NullLoggerFactory.Instance);
        await _endpoint.StartAsync(CancellationToken.None);
        _http = new HttpClient { BaseAddress = _endpoint.Address };
    }

    [TestCleanup]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _endpoint.DisposeAsync();
    }

    [TestMethod]
    public async Task AJobsReportBecomesAThroughputEventCoveringTheTimeSinceItsLastReport()
    {
        await Post("/v1/throughput", """{"job_id": "chat-1", "count": 1200}""");
        _clock.Advance(TimeSpan.FromSeconds(10));

        var response = await Post("/v1/throughput", """{"job_id": "chat-1", "count": 5000, "unit": "tokens"}""");

        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode);
        Assert.IsTrue(_inbox.TryDequeue(out var first));
        Assert.IsTrue(_inbox.TryDequeue(out var second));
        Assert.AreEqual((1200L, _clock.GetUtcNow().AddSeconds(-11), _clock.GetUtcNow().AddSeconds(-10)), (first.Count, first.Start, first.End));
        Assert.AreEqual((5000L, "tokens", first.End, _clock.GetUtcNow()), (second.Count, second.Unit, second.Start, second.End));
    }

    [TestMethod]
    [DataRow("""{"count": 5}""", "job_id")]
    [DataRow("""{"job_id": "a", "count": -1}""", "count")]
    [DataRow("""{"job_id": "a"}""", "count")]
    [DataRow("""{"job_id": "a", "count": 1, "unit": "words"}""", "unit")]
    [DataRow("""{"job_id": "a", "count": 1, "start": "2026-05-01T10:00:00Z", "end": "2026-05-01T09:00:00Z"}""", "end")]
    [DataRow("""{"job_id": "a", "count": "many"}""", "JSON")]
    [DataRow("""not json""", "JSON")]
    public async Task ABadThroughputReportGets400NamingTheProblem(string body, string named)
    {
        var response = await Post("/v1/throughput", body);

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await Detail(response));
        Assert.IsFalse(_inbox.TryDequeue(out _));
    }

    [TestMethod]
    public async Task ABodyOverTheLimitIsRefused()
    {
        var response = await Post("/v1/throughput", $$"""{"job_id": "{{new string('x', 5000)}}", "count": 1}""");

        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [TestMethod]
    public async Task AFullInboxAnswers503AndLosesNothingAlreadyAccepted()
    {
        for (var i = 0; i < 3; i++)
        {
            await Post("/v1/throughput", """{"job_id": "a", "count": 1}""");
        }

        var response = await Post("/v1/throughput", """{"job_id": "a", "count": 1}""");

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.AreEqual(1, _inbox.Refused);
        Assert.IsTrue(_inbox.TryDequeue(out _) && _inbox.TryDequeue(out _) && _inbox.TryDequeue(out _));
    }

    [TestMethod]
    public async Task ContentThatIsNotJsonIsRefused()
    {
        using var content = new StringContent("job_id=a&count=1", Encoding.UTF8, "application/x-www-form-urlencoded");
        var response = await _http.PostAsync(new Uri("/v1/throughput", UriKind.Relative), content);

        Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [TestMethod]
    public async Task AnAllocationByGpuIndexBecomesAnAllocationEventOfThisNode()
    {
        var response = await Post("/v1/allocations", """{"type": "start", "job_id": "slurm-991", "gpus": ["1", "0"], "user": "ada", "team": "research"}""");

        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode);
        var e = Assert.ContainsSingle(_allocations.Poll(_clock.GetUtcNow()));
        Assert.AreEqual((AllocationEventType.Start, "slurm-991", "ada", "research", "node-1", _clock.GetUtcNow()), (e.Type, e.JobId, e.User, e.Team, e.Node, e.Time));
        CollectionAssert.AreEqual(new[] { "GPU-bbbb", "GPU-aaaa" }, e.GpuUuids.ToArray());
    }

    [TestMethod]
    public async Task AnAllocationNamingAnUnknownGpuGets400ListingTheKnownOnes()
    {
        var response = await Post("/v1/allocations", """{"type": "stop", "job_id": "slurm-991", "gpus": ["7"]}""");

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = await Detail(response);
        Assert.Contains("'7'", detail);
        Assert.Contains("0, 1", detail);
        Assert.IsEmpty(_allocations.Poll(_clock.GetUtcNow()));
    }

    [TestMethod]
    public async Task HealthAnswers()
    {
        Assert.AreEqual("ok\n", await _http.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
    }

    private static async Task<string> Detail(HttpResponseMessage response)
    {
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("detail").GetString()!;
    }

    private Task<HttpResponseMessage> Post(string path, string json)
    {
        var content = new StringContent(json, Encoding.UTF8, "application/json");
        return _http.PostAsync(new Uri(path, UriKind.Relative), content);
    }
}
