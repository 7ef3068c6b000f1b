using System.Text.Json;
using System.Text.Json.Serialization;
using Telemetry.Analytics.Queries;
using Telemetry.Api.Responses;

namespace Telemetry.Api.Http;

/// <summary>The API's JSON contract: camelCase names, times in UTC with a <c>Z</c>, nulls written out.</summary>
// A NaN that slipped into a row is written as "NaN" rather than failing the whole answer.
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, Converters = [typeof(UtcTimeConverter)])]
[JsonSerializable(typeof(FleetSummary))]
[JsonSerializable(typeof(GpuPage))]
[JsonSerializable(typeof(JobEfficiency))]
[JsonSerializable(typeof(EnergyReport))]
[JsonSerializable(typeof(WasteReport))]
[JsonSerializable(typeof(AlertList))]
[JsonSerializable(typeof(ApiProblem))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
