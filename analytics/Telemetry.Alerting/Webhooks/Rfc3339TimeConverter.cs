using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Telemetry.Alerting.Webhooks;

/// <summary>
/// Writes times as Alertmanager does: RFC 3339 in UTC with a <c>Z</c>, fractional seconds only when there are any
/// (<c>2025-03-04T10:00:00Z</c>, <c>0001-01-01T00:00:00Z</c>); reads any RFC 3339 time.
/// </summary>
internal sealed class Rfc3339TimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}
