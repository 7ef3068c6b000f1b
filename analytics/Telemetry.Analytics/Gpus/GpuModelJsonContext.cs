using System.Text.Json.Serialization;

namespace Telemetry.Analytics.Gpus;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(List<GpuModelPeak>))]
internal sealed partial class GpuModelJsonContext : JsonSerializerContext;
