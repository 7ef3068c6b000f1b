namespace Telemetry.Testing.Influx;

/// <summary>An error status the proxy answers instead of forwarding, with the <c>Retry-After</c> it sends, if any.</summary>
internal readonly record struct InjectedFailure(int StatusCode, TimeSpan? RetryAfter);
