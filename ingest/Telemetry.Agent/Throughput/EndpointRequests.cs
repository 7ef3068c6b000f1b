using System.Text.Json.Serialization;

namespace Telemetry.Agent.Throughput;

/// <summary>A job's report of work done: <c>{"job_id": "chat-1", "count": 1200, "unit": "tokens"}</c>, with an optional interval.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Count">Units processed since the previous report (or in [start, end)).</param>
/// <param name="Unit"><c>tokens</c> (default) or <c>samples</c>.</param>
/// <param name="Start">Start of the interval; default the job's previous report, or one second before the end.</param>
/// <param name="End">End of the interval; default now.</param>
public sealed record ThroughputRequest(string? JobId, long? Count, string? Unit, DateTimeOffset? Start, DateTimeOffset? End);

/// <summary>A prolog's or epilog's allocation: <c>{"type": "start", "job_id": "42", "gpus": ["0", "1"], "user": "ada", "team": "research"}</c>.</summary>
/// <param name="Type"><c>start</c> or <c>stop</c>.</param>
/// <param name="JobId">The job.</param>
/// <param name="Gpus">GPUs by index (<c>0</c>), MIG instance (<c>0.3</c>: GPU 0, GPU instance 3) or UUID.</param>
/// <param name="User">User.</param>
/// <param name="Team">Team or cost centre.</param>
public sealed record AllocationRequest(string? Type, string? JobId, IReadOnlyList<string>? Gpus, string? User, string? Team);

/// <summary>What the endpoint answers on a bad request: the field and the problem (RFC 9457 problem details).</summary>
/// <param name="Title">Short summary.</param>
/// <param name="Status">HTTP status.</param>
/// <param name="Detail">The problem, naming the field.</param>
public sealed record Problem(string Title, int Status, string Detail);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, MaxDepth = 8)]
[JsonSerializable(typeof(ThroughputRequest))]
[JsonSerializable(typeof(AllocationRequest))]
[JsonSerializable(typeof(Problem))]
[JsonSerializable(typeof(Dictionary<string, long>))]
internal sealed partial class EndpointJsonContext : JsonSerializerContext;
