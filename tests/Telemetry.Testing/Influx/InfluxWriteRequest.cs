namespace Telemetry.Testing.Influx;

/// <summary>One write request that the proxy answered, in the order answered.</summary>
/// <param name="StatusCode">
/// What the client was answered: influxd's status when forwarded, the injected one when failed, 413 past the body
/// limit, and 499 when the client hung up before its answer (typically while the write was held back by
/// <see cref="InfluxServer.DelayNextWrites"/>).
/// </param>
/// <param name="Precision">The <c>precision</c> the client asked for, as sent (null when absent).</param>
/// <param name="ContentEncoding">The request's <c>Content-Encoding</c>, such as <c>gzip</c> (null when absent).</param>
/// <param name="BodyBytes">The size of the body as sent, compressed if it was; -1 when it was not read.</param>
/// <param name="Forwarded">Whether influxd answered it; false for a 499 even if influxd had the write by then.</param>
public sealed record InfluxWriteRequest(int StatusCode, string? Precision, string? ContentEncoding, long BodyBytes, bool Forwarded);
