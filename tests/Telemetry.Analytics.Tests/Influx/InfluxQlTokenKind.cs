namespace Telemetry.Analytics.Tests.Influx;

/// <summary>What an InfluxQL token is.</summary>
internal enum InfluxQlTokenKind
{
    /// <summary>A double-quoted identifier: a measurement, field, tag or alias.</summary>
    Identifier,

    /// <summary>A bare word: a keyword, a function name, or an identifier someone forgot to quote.</summary>
    Word,

    /// <summary>A single-quoted string literal.</summary>
    String,

    /// <summary>A regular expression literal after <c>=~</c> or <c>!~</c>.</summary>
    Regex,

    /// <summary>A number or a duration (<c>1s</c>, <c>5m</c>).</summary>
    Number,

    /// <summary>A Grafana variable or macro (<c>$timeFilter</c>, <c>$__interval_ms</c>, <c>${node}</c>), which Grafana replaces with a value or a time condition.</summary>
    Variable,

    /// <summary>An operator or punctuation.</summary>
    Symbol,
}
