using System.Text.Json;
using System.Text.Json.Serialization;

namespace Telemetry.Analytics.Costing;

/// <summary>
/// The JSON shape of <see cref="CostOptions"/>: snake_case names, comments and trailing commas allowed, unknown names
/// rejected so that a misspelt setting is an error rather than a silent default.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true)]
[JsonSerializable(typeof(CostOptions))]
internal sealed partial class CostJsonContext : JsonSerializerContext;
