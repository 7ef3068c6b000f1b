using System.Text.Json.Serialization;

namespace Telemetry.Analytics.Reporting;

/// <summary>JSON of the report, snake_case, for scripts.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(FleetReport))]
[JsonSerializable(typeof(IReadOnlyList<GroupReport>))]
public sealed partial class ReportJsonContext : JsonSerializerContext;
