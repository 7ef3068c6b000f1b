namespace Telemetry.Analytics.Tests.Influx;

/// <summary>One token of an InfluxQL query: an identifier's or string's text is without its quotes.</summary>
internal readonly record struct InfluxQlToken(InfluxQlTokenKind Kind, string Text, int Position)
{
    public bool IsWord(string word) => Kind == InfluxQlTokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == InfluxQlTokenKind.Symbol && Text == symbol;

    public override string ToString() => Kind switch
    {
        InfluxQlTokenKind.Identifier => $"\"{Text}\"",
        InfluxQlTokenKind.String => $"'{Text}'",
        InfluxQlTokenKind.Regex => $"/{Text}/",
        _ => Text,
    };
}
