using System.Text.Json.Serialization;

namespace Telemetry.Cli.Bench;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(FootprintResult))]
[JsonSerializable(typeof(PipelineBenchResult))]
[JsonSerializable(typeof(ProducerSweepResult))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
