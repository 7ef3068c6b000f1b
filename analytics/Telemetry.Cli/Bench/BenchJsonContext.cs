using System.Text.Json.Serialization;

namespace Telemetry.Cli.Bench;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(FootprintResult))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
