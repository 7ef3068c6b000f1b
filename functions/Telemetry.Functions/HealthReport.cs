using System.Text.Json.Serialization;

namespace Telemetry.Functions;

/// <summary>The body of a health response.</summary>
/// <param name="Status">Always <c>ok</c> when the function answers at all.</param>
/// <param name="Service">The name of this service.</param>
/// <param name="Version">The assembly's informational version.</param>
/// <param name="Time">
/// The current time as a UTC <see cref="DateTime"/>, so that JSON writes it in ISO 8601 with a <c>Z</c> suffix.
/// </param>
internal sealed record HealthReport(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("time")] DateTime Time);
